/**
 * File ▸ Import…, the mirror of Export: the format (and, for JSON Canvas, the kind its text
 * nodes become), then main's open dialog. Main validates the whole file first; on success the
 * window shows the new untitled scenario, on failure it keeps what it had and says which path
 * or row is wrong.
 */
import { useState } from 'react';
import { IMPORT_FORMATS, importFormat, type ImportFormat } from '../../../core/formats';
import { AppError } from '../../../core/errors';
import { NODE_KINDS, type NodeKind } from '../../../core/model';
import { call } from '../api';
import { useWorkbench } from '../workspace-context';
import { Modal } from './Modal';

/** The import dialog names a format with the extension it is recognised by, e.g. "CSV nodes and edges (.csv)". */
const formatChoice = (format: ImportFormat) => `${importFormat(format).label} (.${importFormat(format).extensions[0]})`;

const KIND_LABEL: Record<NodeKind, string> = { trigger: 'Triggers', crisis: 'Crises', impact: 'Impacts', response: 'Responses' };

export function ImportDialog({ onClose }: { onClose(): void }) {
  const workbench = useWorkbench();
  const [format, setFormat] = useState<ImportFormat>('json');
  const [kind, setKind] = useState<NodeKind | 'auto'>('auto');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const start = async () => {
    setError(null);
    setBusy(true);
    try {
      const view = await call('importScenario', { format, ...(format === 'canvas' && kind !== 'auto' ? { kind } : {}) });
      if (!view) {
        // The import opened in a window of its own; this window keeps its scenario.
        onClose();
        return;
      }
      workbench.selection.clear();
      workbench.view.patch({ crisisId: null, whatIf: [], mode: 'normal' });
      workbench.doc.setView(view);
      const { crises, nodes, edges } = view.document;
      workbench.notify(`Imported ${count(crises.length, 'crisis', 'crises')}, ${count(nodes.length, 'element', 'elements')} and ${count(edges.length, 'connection', 'connections')} into a new untitled scenario.`);
      onClose();
    } catch (e) {
      setBusy(false);
      if (e instanceof AppError && e.code === 'CANCELLED') return;
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Modal title="Import" testId="import-dialog" busy={busy} onClose={onClose}>
      <div className="exchange-form">
        <label>
          <span>Format</span>
          <select data-testid="import-format" value={format} disabled={busy} onChange={(e) => setFormat(e.target.value as ImportFormat)}>
            {IMPORT_FORMATS.map((f) => (
              <option key={f} value={f}>{formatChoice(f)}</option>
            ))}
          </select>
        </label>
        <p className="muted exchange-note">{importFormat(format).note}</p>
        {format === 'canvas' && (
          <label>
            <span>Text cards become</span>
            <select data-testid="import-kind" value={kind} disabled={busy} onChange={(e) => setKind(e.target.value as NodeKind | 'auto')}>
              <option value="auto">By their colour (cards this app exported), else triggers</option>
              {NODE_KINDS.map((k) => (
                <option key={k} value={k}>{KIND_LABEL[k]}</option>
              ))}
            </select>
          </label>
        )}
        <p className="muted exchange-note">The import opens as a new untitled scenario in this window; the current one stays in its file.</p>
      </div>
      {busy && (
        <div className="exchange-busy" role="status" data-testid="import-busy">
          <progress aria-label="Importing" />
          <span>Importing and checking every element…</span>
        </div>
      )}
      {error && <p role="alert" className="error-line" data-testid="import-error">{error}</p>}
      <div className="exchange-actions">
        <button data-testid="import-cancel" disabled={busy} onClick={onClose}>Cancel</button>
        <button className="primary" data-testid="import-go" disabled={busy} onClick={() => void start()}>
          {busy ? 'Importing…' : 'Choose file…'}
        </button>
      </div>
    </Modal>
  );
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
