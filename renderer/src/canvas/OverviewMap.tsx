/**
 * The minimap: the whole crisis as boxes on a canvas (redrawn when the document changes, not
 * while the view moves), with the visible area drawn over it on a second canvas. Drag in it to
 * pan, wheel in it to zoom. It never subscribes to React Flow's nodes, so dragging a node on a
 * big crisis costs it nothing.
 */
import { Panel, useReactFlow, useStore } from '@xyflow/react';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { boundingBox } from '../../../core/bounds';
import type { GraphNode } from '../../../core/model';
import { fitCanvas, groupByKind, paintBoxes, type BoxTransform } from './box-painter';
import { MINIMAP_STYLE } from './visible-area';

// The size the visible-area geometry leaves room for.
const WIDTH = MINIMAP_STYLE.width;
const HEIGHT = MINIMAP_STYLE.height;
const PAD = 8;

export function OverviewMap({ nodes }: { nodes: readonly GraphNode[] }) {
  const flow = useReactFlow();
  const boxes = useRef<HTMLCanvasElement>(null);
  const frame = useRef<HTMLCanvasElement>(null);
  const [vx, vy, zoom] = useStore((s) => s.transform);
  const paneWidth = useStore((s) => s.width);
  const paneHeight = useStore((s) => s.height);
  const groups = useMemo(() => groupByKind(nodes), [nodes]);

  // Map flow coordinates into the minimap: the crisis fitted, centred, with a margin.
  const map: BoxTransform | null = useMemo(() => {
    const b = boundingBox(nodes);
    if (!b) return null;
    const scale = Math.min((WIDTH - 2 * PAD) / Math.max(b.width, 1), (HEIGHT - 2 * PAD) / Math.max(b.height, 1));
    return { zoom: scale, x: (WIDTH - b.width * scale) / 2 - b.x * scale, y: (HEIGHT - b.height * scale) / 2 - b.y * scale };
  }, [nodes]);

  useLayoutEffect(() => {
    const ctx = boxes.current && fitCanvas(boxes.current, WIDTH, HEIGHT);
    if (!ctx) return;
    if (map) paintBoxes(ctx, groups, map, { width: WIDTH, height: HEIGHT });
    else ctx.clearRect(0, 0, WIDTH, HEIGHT);
  }, [groups, map]);

  useLayoutEffect(() => {
    const ctx = frame.current && fitCanvas(frame.current, WIDTH, HEIGHT);
    if (!ctx) return;
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    if (!map) return;
    // The visible part of the flow, in minimap pixels; everything else is veiled.
    const left = (-vx / zoom) * map.zoom + map.x;
    const top = (-vy / zoom) * map.zoom + map.y;
    const w = (paneWidth / zoom) * map.zoom;
    const h = (paneHeight / zoom) * map.zoom;
    ctx.fillStyle = 'rgba(240, 242, 245, 0.6)';
    ctx.fillRect(0, 0, WIDTH, HEIGHT);
    ctx.clearRect(left, top, w, h);
    ctx.strokeStyle = '#2b5cab';
    ctx.lineWidth = 1.5;
    ctx.strokeRect(left, top, w, h);
  }, [map, vx, vy, zoom, paneWidth, paneHeight]);

  const toFlow = (event: React.PointerEvent | React.WheelEvent) => {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: (event.clientX - rect.left - map!.x) / map!.zoom, y: (event.clientY - rect.top - map!.y) / map!.zoom };
  };
  const centreOn = (event: React.PointerEvent) => {
    if (!map) return;
    const at = toFlow(event);
    void flow.setCenter(at.x, at.y, { zoom: flow.getZoom() });
  };

  return (
    <Panel position="bottom-right" className="react-flow__minimap overview-map">
      <div
        className="overview-map-frame"
        data-testid="minimap"
        role="img"
        aria-label="Minimap: drag to move the view, scroll to zoom"
        style={{ width: WIDTH, height: HEIGHT }}
        onPointerDown={(event) => {
          event.currentTarget.setPointerCapture(event.pointerId);
          centreOn(event);
        }}
        onPointerMove={(event) => {
          if (event.buttons & 1) centreOn(event);
        }}
        onWheel={(event) => {
          if (!map) return;
          void flow.zoomTo(Math.min(2.5, Math.max(0.05, flow.getZoom() * (event.deltaY < 0 ? 1.2 : 1 / 1.2))));
        }}
      >
        <canvas ref={boxes} style={{ width: WIDTH, height: HEIGHT }} />
        <canvas ref={frame} style={{ width: WIDTH, height: HEIGHT }} />
      </div>
    </Panel>
  );
}
