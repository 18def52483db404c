/** The bar head of an `averts` edge (see AVERTS_MARKER in flow-model.ts), defined once per canvas. */
import { AVERTS_MARKER, EDGE_COLORS } from './flow-model';

export function AvertsMarker() {
  return (
    <svg className="edge-marker-defs" aria-hidden="true" width="0" height="0">
      <defs>
        <marker id={AVERTS_MARKER} viewBox="-8 -8 16 16" markerWidth="16" markerHeight="16" markerUnits="userSpaceOnUse" refX="0" refY="0" orient="auto-start-reverse">
          <path d="M -2 -7 V 7" stroke={EDGE_COLORS.averts} strokeWidth="3" strokeLinecap="round" fill="none" />
        </marker>
      </defs>
    </svg>
  );
}
