/**
 * Export, import and the report library: registers the commands that open their dialogs
 * (File ▸ Export…, one File ▸ Export ▸ <format> per entry of core/formats.ts, Import… and
 * Insert Contingency from Library…, labels from core/commands.ts) and shows the one dialog that
 * is open. Rendered once by App; the dialogs talk to main through the contract only.
 */
import { useEffect, useState } from 'react';
import { exportCommandId } from '../../../core/commands';
import { EXPORT_FORMATS, type ExportFormat } from '../../../core/contract';
import { useWorkbench } from '../workspace-context';
import { ExportDialog } from './ExportDialog';
import { ImportDialog } from './ImportDialog';
import { LibraryPicker } from './LibraryPicker';
import './exchange.css';

type OpenDialog = { kind: 'export'; format: ExportFormat } | { kind: 'import' } | { kind: 'library' } | null;

export function ExchangeDialogs() {
  const workbench = useWorkbench();
  const [open, setOpen] = useState<OpenDialog>(null);

  useEffect(() => {
    const { commands, doc } = workbench;
    const hasDocument = () => doc.getSnapshot().view !== null;
    const off = [
      commands.register({ id: 'file.export', keys: ['Mod+E'], enabled: hasDocument, run: () => setOpen({ kind: 'export', format: 'svg' }) }),
      // File ▸ Export ▸ <format> in the native menu opens the dialog with that format chosen.
      ...EXPORT_FORMATS.map((format) =>
        commands.register({ id: exportCommandId(format), enabled: hasDocument, run: () => setOpen({ kind: 'export', format }) }),
      ),
      commands.register({ id: 'file.import', run: () => setOpen({ kind: 'import' }) }),
      commands.register({
        id: 'file.insertFromLibrary',
        enabled: () => hasDocument() && !doc.getSnapshot().view?.readOnly,
        run: () => setOpen({ kind: 'library' }),
      }),
    ];
    return () => off.forEach((unregister) => unregister());
  }, [workbench]);

  const close = () => setOpen(null);
  if (open?.kind === 'export') return <ExportDialog onClose={close} initialFormat={open.format} />;
  if (open?.kind === 'import') return <ImportDialog onClose={close} />;
  if (open?.kind === 'library') return <LibraryPicker onClose={close} />;
  return null;
}
