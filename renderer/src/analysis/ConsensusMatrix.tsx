/**
 * The consensus matrix: one row per element, one column per actor, every cell editable in
 * place. Built for filling in fast from the keyboard: arrows move, A/D/U/N (or 1-4) set the
 * position and step down to the next element, Shift with the letter sets the whole row, Space
 * or Enter cycles, and a click cycles too.
 */
import { useCallback, useRef, useState, type KeyboardEvent } from 'react';
import { type NodeKind, type Position, type Stance } from '../../../core/model';
import { matchesFilter, useAnalysisContext, useEdit } from './hooks';
import { consensusOf, derived } from './memo';
import { ScopeToggle } from './ScopeToggle';
import { CONSENSUS_BADGE, CONSENSUS_TONE, POSITION_SYMBOL, POSITION_TONE } from './tones';
import './analysis.css';

const PAGE = 300;
const CYCLE: readonly Position[] = ['agree', 'disagree', 'uncertain', 'unknown'];
const KEY_POSITION: Record<string, Position> = {
  a: 'agree', '1': 'agree',
  d: 'disagree', '2': 'disagree',
  u: 'uncertain', '3': 'uncertain', '?': 'uncertain',
  n: 'unknown', '4': 'unknown', Delete: 'unknown', Backspace: 'unknown',
};

/** Shift with a letter sets the whole row (every actor). */
const ROW_KEY_POSITION: Record<string, Position> = { A: 'agree', D: 'disagree', U: 'uncertain', N: 'unknown' };

const cellKey = (elementId: string, actorId: string) => `${elementId}\u0000${actorId}`;

export function ConsensusMatrix() {
  const { doc, view, crisisId, readOnly } = useAnalysisContext();
  const edit = useEdit();
  const [wholeFile, setWholeFile] = useState(false);
  const [kind, setKind] = useState<NodeKind | ''>('');
  const [limit, setLimit] = useState(PAGE);
  const [active, setActive] = useState({ row: 0, col: 0 });
  // Positions sent but not yet confirmed, so a quick second press cycles from what is shown.
  const [pending, setPending] = useState<ReadonlyMap<string, Position>>(new Map());
  const grid = useRef<HTMLTableSectionElement>(null);

  const setPosition = useCallback(
    (elementId: string, actorId: string, position: Position, notes: ReadonlyMap<string, Stance>) => {
      const key = cellKey(elementId, actorId);
      setPending((p) => new Map(p).set(key, position));
      const note = notes.get(key)?.note ?? '';
      void edit([{ op: 'stance.set', actorId, elementId, position, note }], null).finally(() =>
        setPending((p) => {
          if (p.get(key) !== position) return p;
          const next = new Map(p);
          next.delete(key);
          return next;
        }),
      );
    },
    [edit],
  );

  /** One position for every actor on an element, as one undo step: "all four agree" is common. */
  const setRow = useCallback(
    (elementId: string, actorIds: readonly string[], current: readonly Position[], position: Position, notes: ReadonlyMap<string, Stance>) => {
      const changed = actorIds.filter((_, i) => current[i] !== position);
      if (changed.length === 0) return;
      setPending((p) => {
        const next = new Map(p);
        for (const actorId of changed) next.set(cellKey(elementId, actorId), position);
        return next;
      });
      const ops = changed.map((actorId) => ({ op: 'stance.set' as const, actorId, elementId, position, note: notes.get(cellKey(elementId, actorId))?.note ?? '' }));
      void edit(ops, null).finally(() =>
        setPending((p) => {
          const next = new Map(p);
          for (const actorId of changed) if (next.get(cellKey(elementId, actorId)) === position) next.delete(cellKey(elementId, actorId));
          return next;
        }),
      );
    },
    [edit],
  );

  if (!doc) return null;
  const scope = wholeFile ? null : crisisId;
  const analysis = consensusOf(doc, scope);
  const stances = derived(doc, 'stances-by-cell', () => new Map(doc.stances.map((s) => [cellKey(s.elementId, s.actorId), s])));
  const nodes = derived(doc, 'nodes-by-id', () => new Map(doc.nodes.map((n) => [n.id, n])));
  const actors = new Map(doc.actors.map((a) => [a.id, a]));
  const core = new Set(analysis.summary.coreActorIds);
  const rows = analysis.elements.filter((e) => (kind === '' || e.kind === kind) && matchesFilter(nodes.get(e.nodeId)!, view.filter));
  const visible = rows.slice(0, limit);
  // The remembered cell may be past the end after the rows change; keep one cell tabbable.
  const activeRow = Math.min(active.row, Math.max(0, visible.length - 1));
  const activeCol = Math.min(active.col, Math.max(0, analysis.actorIds.length - 1));
  const shown = (elementId: string, actorIndex: number, fromDoc: Position): Position =>
    pending.get(cellKey(elementId, analysis.actorIds[actorIndex]!)) ?? fromDoc;

  const moveTo = (row: number, col: number) => {
    const r = Math.max(0, Math.min(visible.length - 1, row));
    const c = Math.max(0, Math.min(analysis.actorIds.length - 1, col));
    setActive({ row: r, col: c });
    grid.current?.querySelector<HTMLButtonElement>(`button[data-row="${r}"][data-col="${c}"]`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, row: number, col: number, current: Position) => {
    const element = visible[row]!;
    const actorId = analysis.actorIds[col]!;
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      moveTo(row + move[0], col + move[1]);
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const rowPosition = event.shiftKey ? ROW_KEY_POSITION[event.key] : undefined;
    const position = KEY_POSITION[event.key] ?? KEY_POSITION[event.key.toLowerCase()];
    if (rowPosition && !readOnly) {
      event.preventDefault();
      const shownRow = element.positions.map((p, i) => shown(element.nodeId, i, p));
      setRow(element.nodeId, analysis.actorIds, shownRow, rowPosition, stances);
      moveTo(row + 1, col);
    } else if (position && !readOnly) {
      event.preventDefault();
      setPosition(element.nodeId, actorId, position, stances);
      moveTo(row + 1, col);
    } else if ((event.key === ' ' || event.key === 'Enter') && !readOnly) {
      event.preventDefault();
      setPosition(element.nodeId, actorId, nextPosition(current), stances);
    }
  };

  return (
    <div className="consensus-matrix" data-testid="consensus-matrix">
      <div className="centre-toolbar">
        <h2>Consensus matrix</h2>
        <ScopeToggle wholeFile={wholeFile} onChange={setWholeFile} testId="matrix-scope-file" />
        <label>
          Kind{' '}
          <select value={kind} data-testid="matrix-kind" onChange={(e) => setKind(e.target.value as NodeKind | '')}>
            <option value="">All</option>
            <option value="trigger">Triggers</option>
            <option value="crisis">Crises</option>
            <option value="impact">Impacts</option>
            <option value="response">Responses</option>
          </select>
        </label>
        <span className="muted matrix-help">Arrows move · A agree · D disagree · U uncertain · N unknown · Shift+letter: whole row · Space cycles</span>
      </div>
      {rows.length === 0 ? (
        <p className="analysis-empty">{analysis.elements.length ? 'No element matches the filter.' : 'No elements here yet.'}</p>
      ) : (
        <table className="matrix-grid" role="grid" aria-label="Positions of actors on elements">
          <thead>
            <tr>
              <th>Element</th>
              <th>Consensus</th>
              {analysis.actorIds.map((id) => (
                <th key={id} title={actors.get(id)?.name} className={core.has(id) ? 'core-actor' : ''}>
                  {actors.get(id)?.code ?? id}
                  {core.has(id) && <span className="core-mark" title="Core actor: counts for consensus">●</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody ref={grid}>
            {visible.map((element, row) => (
              <tr key={element.nodeId} data-testid="matrix-row" data-node-id={element.nodeId}>
                <th scope="row" className="row-title">
                  <span className={`kind-dot kind-dot-${element.kind}`} aria-label={element.kind} /> {element.title}
                </th>
                <td>
                  <span className="state-chip" data-testid={`matrix-state-${element.nodeId}`} data-state={element.state} style={{ borderColor: CONSENSUS_TONE[element.state] }}>
                    {CONSENSUS_BADGE[element.state]}
                  </span>
                </td>
                {element.positions.map((fromDoc, col) => {
                  const actorId = analysis.actorIds[col]!;
                  const position = shown(element.nodeId, col, fromDoc);
                  const isActive = activeRow === row && activeCol === col;
                  return (
                    <td key={actorId} style={{ background: POSITION_TONE[position] }}>
                      <button
                        className={`matrix-cell position-${position}`}
                        data-testid={`matrix-${element.nodeId}-${actorId}`}
                        data-position={position}
                        data-row={row}
                        data-col={col}
                        tabIndex={isActive ? 0 : -1}
                        disabled={readOnly}
                        aria-label={`${actors.get(actorId)?.name ?? actorId} on ${element.title}: ${position}`}
                        onFocus={() => setActive({ row, col })}
                        onClick={() => setPosition(element.nodeId, actorId, nextPosition(position), stances)}
                        onKeyDown={(e) => onKeyDown(e, row, col, position)}
                      >
                        {POSITION_SYMBOL[position]}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows.length > limit && (
        <button className="show-more" data-testid="matrix-more" onClick={() => setLimit(limit + PAGE)}>
          Show {Math.min(PAGE, rows.length - limit)} more of {rows.length - limit}
        </button>
      )}
    </div>
  );
}

/** Click order: unknown → agree → disagree → uncertain → unknown. */
export function nextPosition(position: Position): Position {
  return CYCLE[(CYCLE.indexOf(position) + 1) % CYCLE.length]!;
}
