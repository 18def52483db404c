/**
 * File ▸ Export…: the format, the scope (this crisis, chosen crises, the selection, every
 * crisis), the audience (whose positions, with or without notes) and the options that apply to
 * the format; then main's save dialog. While main renders and writes,
 * the dialog shows that it is busy; afterwards it offers to open the file or its folder.
 */
import { useEffect, useState } from 'react';
import type { ExportOptions, ExportScope } from '../../../core/contract';
import { EXPORT_FORMATS, exportFormat, type ExportFormat, type ExportOptionName, type Paper } from '../../../core/formats';
import { AppError } from '../../../core/errors';
import { call } from '../api';
import { useDocument } from '../state/document-store';
import { useObservable } from '../state/store';
import { useWorkbench } from '../workspace-context';
import { AudienceFields, CrisisChoice, audienceOf, useAudience } from './AudienceFields';
import { Modal } from './Modal';

/** The export dialog names a format with its extension, e.g. "SVG image (.svg)". */
const formatChoice = (format: ExportFormat) => `${exportFormat(format).label} (.${exportFormat(format).extension})`;
const takes = (format: ExportFormat, option: ExportOptionName) => exportFormat(format).options.some((o) => o === option);

type ScopeKind = ExportScope['kind'];

type Phase = { step: 'choosing' } | { step: 'busy' } | { step: 'done'; exportId: string; fileName: string; bytes: number };

export function ExportDialog({ onClose, initialFormat = 'svg' }: { onClose(): void; initialFormat?: ExportFormat }) {
  const workbench = useWorkbench();
  const { view } = useDocument(workbench.doc);
  const { crisisId } = useObservable(workbench.view);
  const selection = useObservable(workbench.selection);
  const crisis = view?.document.crises.find((c) => c.id === crisisId);
  const crisisCount = view?.document.crises.length ?? 0;

  const [format, setFormat] = useState<ExportFormat>(initialFormat);
  const [audience, setAudience] = useAudience(view?.document);
  const [scopeKind, setScopeKind] = useState<ScopeKind>(audience.crisisIds.size > 0 ? 'crises' : crisis ? 'crisis' : 'all');
  const [scale, setScale] = useState<1 | 2>(2);
  const [bom, setBom] = useState(true);
  const [paper, setPaper] = useState<Paper>('a4');
  const [phase, setPhase] = useState<Phase>({ step: 'choosing' });
  const [error, setError] = useState<string | null>(null);
  // Main reports how far the export has got once the save dialog has closed and rendering runs.
  const [progress, setProgress] = useState<number | null>(null);
  useEffect(() => window.workbench.on('exportProgress', ({ fraction }) => setProgress(fraction)), []);

  const scope = (): ExportScope | null => {
    if (scopeKind === 'crisis') return crisis ? { kind: 'crisis', crisisId: crisis.id } : null;
    if (scopeKind === 'selection') return selection.nodeIds.size > 0 ? { kind: 'selection', nodeIds: [...selection.nodeIds] } : null;
    if (scopeKind === 'crises') {
      const chosen = (view?.document.crises ?? []).filter((c) => audience.crisisIds.has(c.id)).sort((a, b) => a.order - b.order).map((c) => c.id);
      return chosen.length > 0 ? { kind: 'crises', crisisIds: chosen } : null;
    }
    return { kind: 'all' };
  };

  const start = async () => {
    const chosen = scope();
    if (!chosen || !view) return;
    setError(null);
    setProgress(null);
    setPhase({ step: 'busy' });
    try {
      const options: ExportOptions = {
        format,
        scope: chosen,
        ...(takes(format, 'scale') ? { scale } : {}),
        ...(takes(format, 'bom') ? { bom } : {}),
        ...(takes(format, 'paper') ? { paper } : {}),
        ...(takes(format, 'audience') ? { audience: audienceOf(view.document, audience, chosen.kind === 'crises' ? chosen.crisisIds : null) } : {}),
      };
      const done = await call('exportScenario', options);
      setPhase({ step: 'done', ...done });
      // Main remembered the audience in the file; read it back so the next export starts from it.
      void workbench.doc.reload().catch(() => undefined);
    } catch (e) {
      setPhase({ step: 'choosing' });
      if (e instanceof AppError && e.code === 'CANCELLED') return;
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const reveal = async (how: 'open' | 'folder') => {
    if (phase.step !== 'done') return;
    try {
      await call('revealExport', { exportId: phase.exportId, how });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const busy = phase.step === 'busy';
  if (phase.step === 'done') {
    return (
      <Modal title="Export finished" testId="export-dialog" onClose={onClose}>
        <p className="exchange-result" role="status" data-testid="export-result">
          Saved <strong>{phase.fileName}</strong> ({formatBytes(phase.bytes)}).
        </p>
        {error && <p role="alert" className="error-line">{error}</p>}
        <div className="exchange-actions">
          <button data-testid="export-open" onClick={() => void reveal('open')}>Open file</button>
          <button data-testid="export-folder" onClick={() => void reveal('folder')}>Show in folder</button>
          <button className="primary" data-testid="export-close" onClick={onClose}>Done</button>
        </div>
      </Modal>
    );
  }

  return (
    <Modal title="Export" testId="export-dialog" busy={busy} onClose={onClose}>
      <div className="exchange-form">
        <label>
          <span>Format</span>
          <select data-testid="export-format" value={format} disabled={busy} onChange={(e) => setFormat(e.target.value as ExportFormat)}>
            {EXPORT_FORMATS.map((f) => (
              <option key={f} value={f}>{formatChoice(f)}</option>
            ))}
          </select>
        </label>
        <label>
          <span>Scope</span>
          <select data-testid="export-scope" value={scopeKind} disabled={busy} onChange={(e) => setScopeKind(e.target.value as ScopeKind)}>
            <option value="crisis" disabled={!crisis}>This crisis{crisis ? `: ${crisis.title}` : ''}</option>
            <option value="selection" disabled={selection.nodeIds.size === 0}>
              The selection ({selection.nodeIds.size} {selection.nodeIds.size === 1 ? 'element' : 'elements'})
            </option>
            <option value="crises" disabled={crisisCount === 0}>Chosen crises…</option>
            <option value="all">All crises ({crisisCount})</option>
          </select>
        </label>
        {scopeKind === 'crises' && view && <CrisisChoice doc={view.document} choice={audience} onChange={setAudience} disabled={busy} />}
        {takes(format, 'audience') && view && <AudienceFields doc={view.document} choice={audience} onChange={setAudience} disabled={busy} />}
        {takes(format, 'scale') && (
          <label>
            <span>Resolution</span>
            <select data-testid="export-scale" value={scale} disabled={busy} onChange={(e) => setScale(e.target.value === '1' ? 1 : 2)}>
              <option value="1">1× (screen)</option>
              <option value="2">2× (sharp on high-density screens and in print)</option>
            </select>
          </label>
        )}
        {takes(format, 'paper') && (
          <label>
            <span>Paper</span>
            <select data-testid="export-paper" value={paper} disabled={busy} onChange={(e) => setPaper(e.target.value as Paper)}>
              <option value="a4">A4</option>
              <option value="letter">Letter</option>
              <option value="fit">A4, each diagram on a page of its own size</option>
            </select>
          </label>
        )}
        {takes(format, 'bom') && (
          <label className="exchange-check">
            <input type="checkbox" data-testid="export-bom" checked={bom} disabled={busy} onChange={(e) => setBom(e.target.checked)} />
            <span>Start with a byte-order mark, so Excel shows Chinese, Japanese and Korean text correctly</span>
          </label>
        )}
      </div>
      {busy && (
        <div className="exchange-busy" role="status" data-testid="export-busy">
          {progress === null ? <progress aria-label="Exporting" /> : <progress aria-label="Exporting" max={1} value={progress} data-testid="export-progress" />}
          <span>{progress === null ? 'Choose where to save it…' : `Exporting… ${Math.round(progress * 100)}%`}</span>
        </div>
      )}
      {error && <p role="alert" className="error-line" data-testid="export-error">{error}</p>}
      <div className="exchange-actions">
        <button data-testid="export-cancel" disabled={busy} onClick={onClose}>Cancel</button>
        <button className="primary" data-testid="export-go" disabled={busy || !scope()} onClick={() => void start()}>
          {busy ? 'Exporting…' : 'Export…'}
        </button>
      </div>
    </Modal>
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
