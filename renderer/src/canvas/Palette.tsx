/** The add-node palette over the canvas: one button per kind, in reading order. */
import { NODE_KINDS } from '../../../core/model';
import { useWorkbench } from '../workspace-context';
import { addNode } from './actions';
import { KindIcon } from './KindIcon';

export function Palette({ crisisId }: { crisisId: string }) {
  const workbench = useWorkbench();
  return (
    <div className="palette" role="toolbar" aria-label="Add node">
      {NODE_KINDS.map((kind) => (
        <button key={kind} className={`palette-${kind}`} data-testid={`add-${kind}`} title={`Add a ${kind}`} onClick={() => addNode(workbench, crisisId, kind)}>
          <KindIcon kind={kind} /> {kind}
        </button>
      ))}
    </div>
  );
}
