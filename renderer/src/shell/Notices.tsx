/** Transient messages: refusals, failures (with Save As where it helps) and confirmations. */
import { useWorkbench, type Notice } from '../workspace-context';

export function Notices({ notices, dismiss }: { notices: Notice[]; dismiss: (id: number) => void }) {
  const workbench = useWorkbench();
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.tone}`} role={n.tone === 'error' ? 'alert' : 'status'} data-testid={`notice-${n.tone}`}>
          <span>{n.text}</span>
          {n.offer === 'saveAs' && (
            <button data-testid="notice-save-as" onClick={() => void workbench.commands.run('file.saveAs')}>
              Save As…
            </button>
          )}
          {n.offer === 'copyWithoutSideFile' && (
            <button data-testid="notice-open-copy" onClick={() => void workbench.commands.run('file.recoverDamaged')}>
              Open a copy without it…
            </button>
          )}
          {n.offer === 'recover' && (
            <button data-testid="notice-recover" onClick={() => void workbench.commands.run('file.recoverDamaged')}>
              Recover what can be read…
            </button>
          )}
          <button className="icon-button" aria-label="Dismiss" onClick={() => dismiss(n.id)}>
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
