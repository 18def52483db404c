/**
 * The consensus matrix: one row per element (triggers, then crises, impacts and responses), one
 * column per actor. Selecting a cell, by click or arrows, never changes it: a position is set
 * only by a deliberate key (listed in the hint bar, from matrix-keys.ts), by the buttons of the
 * selected-cell bar, or by the cell's menu (right-click, Shift+F10 or the Menu key). The bar also
 * holds the stance's note.
 */
import { useCallback, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { HOLDER_LABELS, NODE_KINDS, type NodeKind, type Position, type Provenance, type Stance } from '../../../core/model';
import { editStanceOp, type StanceChange } from '../../../core/ops';
import { HOLDER_MARK } from './ConsensusTab';
import { ContextMenu, type MenuRequest } from '../canvas/ContextMenu';
import { matchesFilter, useAnalysisContext, useEdit } from './hooks';
import { cellKeyAction, MATRIX_HINT, POSITION_KEYS } from './matrix-keys';
import { MatrixCellEditor, type SelectedCell } from './MatrixCellEditor';
import { consensusOf, derived } from './memo';
import { ScopeToggle } from './ScopeToggle';
import { CONSENSUS_BADGE, CONSENSUS_TONE, POSITION_SYMBOL, POSITION_TONE } from './tones';
import './analysis.css';

const PAGE = 300;
const KIND_RANK = new Map(NODE_KINDS.map((k, i) => [k, i]));
const KIND_WORD: Record<NodeKind, string> = { trigger: 'Trigger', crisis: 'Crisis', impact: 'Impact', response: 'Response' };

const cellKey = (elementId: string, actorId: string) => `${elementId}\u0000${actorId}`;
const NO_QUOTES: Provenance[] = [];

export function ConsensusMatrix() {
  const { doc, view, crisisId, readOnly } = useAnalysisContext();
  const edit = useEdit();
  const [wholeFile, setWholeFile] = useState(false);
  const [kind, setKind] = useState<NodeKind | ''>('');
  const [limit, setLimit] = useState(PAGE);
  const [active, setActive] = useState({ row: 0, col: 0 });
  const [menu, setMenu] = useState<MenuRequest | null>(null);
  // Positions sent but not yet confirmed, so the cell shows at once what was pressed.
  const [pending, setPending] = useState<ReadonlyMap<string, Position>>(new Map());
  const grid = useRef<HTMLTableSectionElement>(null);

  /** Set positions on cells of one element, as one undo step; each keeps its note. */
  const setPositions = useCallback(
    (elementId: string, actorIds: readonly string[], position: Position, stances: ReadonlyMap<string, Stance>) => {
      const changed = actorIds.filter((actorId) => (stances.get(cellKey(elementId, actorId))?.position ?? 'unknown') !== position);
      if (changed.length === 0) return;
      setPending((p) => {
        const next = new Map(p);
        for (const actorId of changed) next.set(cellKey(elementId, actorId), position);
        return next;
      });
      // Each keeps its note, holder, date and quote; a changed position becomes the planner's (editStanceOp).
      const ops = changed.map((actorId) => editStanceOp(actorId, elementId, stances.get(cellKey(elementId, actorId)), { position }));
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
  const quotesByElement = derived(doc, 'quotes-by-element', () => {
    const out = new Map<string, Provenance[]>();
    for (const p of doc.provenance) {
      const list = out.get(p.elementId);
      if (list) list.push(p);
      else out.set(p.elementId, [p]);
    }
    return out;
  });
  const actors = new Map(doc.actors.map((a) => [a.id, a]));
  const core = new Set(analysis.summary.coreActorIds);
  const crisisRank = new Map([...doc.crises].sort((a, b) => a.order - b.order).map((c, i) => [c.id, i]));
  const rows = analysis.elements
    .map((element, index) => ({ element, index }))
    .filter(({ element }) => (kind === '' || element.kind === kind) && matchesFilter(nodes.get(element.nodeId)!, view.filter))
    .sort(
      (a, b) =>
        (crisisRank.get(a.element.crisisId) ?? 0) - (crisisRank.get(b.element.crisisId) ?? 0) ||
        KIND_RANK.get(a.element.kind)! - KIND_RANK.get(b.element.kind)! ||
        a.index - b.index,
    )
    .map(({ element }) => element);
  const visible = rows.slice(0, limit);
  // The remembered cell may be past the end after the rows change; keep one cell tabbable.
  const activeRow = Math.min(active.row, Math.max(0, visible.length - 1));
  const activeCol = Math.min(active.col, Math.max(0, analysis.actorIds.length - 1));
  const shown = (elementId: string, actorId: string, fromDoc: Position): Position => pending.get(cellKey(elementId, actorId)) ?? fromDoc;

  const cellButton = (row: number, col: number) => grid.current?.querySelector<HTMLButtonElement>(`button[data-row="${row}"][data-col="${col}"]`) ?? null;
  const moveTo = (row: number, col: number) => {
    const r = Math.max(0, Math.min(visible.length - 1, row));
    const c = Math.max(0, Math.min(analysis.actorIds.length - 1, col));
    setActive({ row: r, col: c });
    cellButton(r, c)?.focus();
  };

  const selectedElement = visible[activeRow];
  const selectedActorId = analysis.actorIds[activeCol];
  const selected: SelectedCell | null =
    selectedElement && selectedActorId
      ? {
          elementId: selectedElement.nodeId,
          elementTitle: selectedElement.title,
          kind: selectedElement.kind,
          actorId: selectedActorId,
          actorName: actors.get(selectedActorId)?.name ?? selectedActorId,
          position: shown(selectedElement.nodeId, selectedActorId, selectedElement.positions[activeCol] ?? 'unknown'),
          note: stances.get(cellKey(selectedElement.nodeId, selectedActorId))?.note ?? '',
          stance: stances.get(cellKey(selectedElement.nodeId, selectedActorId)) ?? null,
          quotes: quotesByElement.get(selectedElement.nodeId) ?? NO_QUOTES,
        }
      : null;

  const setSelected = (position: Position) => {
    if (selected && !readOnly) setPositions(selected.elementId, [selected.actorId], position, stances);
  };
  const changeStance = (change: StanceChange, mark: string | null = null) => {
    if (!selected || readOnly) return;
    void edit([editStanceOp(selected.actorId, selected.elementId, stances.get(cellKey(selected.elementId, selected.actorId)), change)], mark);
  };
  const setNote = (note: string, mark: string) => changeStance({ note }, mark);
  const focusNote = () => document.querySelector<HTMLInputElement>('[data-testid="matrix-note"]')?.focus();

  const openMenu = (x: number, y: number) => {
    if (!selected) return;
    setMenu({
      x,
      y,
      items: [
        ...POSITION_KEYS.map(({ position, label, shown: key }) => ({
          label: `${label} (${key})`,
          testId: `matrix-menu-${position}`,
          disabled: readOnly || selected.position === position,
          run: () => {
            setSelected(position);
            cellButton(activeRow, activeCol)?.focus();
          },
        })),
        'separator' as const,
        { label: 'Edit note… (Enter)', testId: 'matrix-menu-note', disabled: readOnly, run: () => requestAnimationFrame(focusNote) },
      ],
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, row: number, col: number) => {
    const action = cellKeyAction(event);
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    if (action.kind === 'move') return moveTo(row + action.row, col + action.col);
    if (action.kind === 'note') return focusNote();
    if (action.kind === 'menu') {
      const box = event.currentTarget.getBoundingClientRect();
      return openMenu(box.left, box.bottom);
    }
    if (readOnly) return;
    const element = visible[row]!;
    setPositions(element.nodeId, action.row ? analysis.actorIds : [analysis.actorIds[col]!], action.position, stances);
  };

  const onContextMenu = (event: MouseEvent<HTMLButtonElement>, row: number, col: number) => {
    event.preventDefault();
    setActive({ row, col });
    event.currentTarget.focus();
    openMenu(event.clientX, event.clientY);
  };

  return (
    <div className="consensus-matrix" data-testid="consensus-matrix">
      <div className="matrix-head">
      <div className="centre-toolbar">
        <h2>Consensus matrix</h2>
        <ScopeToggle wholeFile={wholeFile} onChange={setWholeFile} testId="matrix-scope-file" />
        <label>
          Kind{' '}
          <select value={kind} data-testid="matrix-kind" onChange={(e) => setKind(e.target.value as NodeKind | '')}>
            <option value="">All</option>
            {NODE_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_WORD[k]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="matrix-help" data-testid="matrix-help" id="matrix-help">
        {MATRIX_HINT.map((hint) => (
          <span key={hint}>{hint}</span>
        ))}
      </p>
      <MatrixCellEditor cell={selected} readOnly={readOnly} setPosition={setSelected} setNote={setNote} changeStance={changeStance} returnToGrid={() => cellButton(activeRow, activeCol)?.focus()} />
      </div>
      <div className="matrix-scroll">
      {rows.length === 0 ? (
        <p className="analysis-empty">{analysis.elements.length ? 'No element matches the filter.' : 'No elements here yet.'}</p>
      ) : (
        <table className="matrix-grid" aria-label="Positions of actors on elements" aria-describedby="matrix-help">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Element</th>
              <th scope="col">Consensus</th>
              {analysis.actorIds.map((id) => (
                <th key={id} scope="col" title={actors.get(id)?.name} className={core.has(id) ? 'core-actor' : ''}>
                  {actors.get(id)?.code ?? id}
                  {core.has(id) && (
                    <span className="core-mark" title="Core actor: counts for consensus" aria-label="(core)">
                      ●
                    </span>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody ref={grid}>
            {visible.map((element, row) => (
              <tr key={element.nodeId} data-testid="matrix-row" data-node-id={element.nodeId} data-kind={element.kind}>
                <td className={`row-kind kind-word kind-word-${element.kind}`}>{KIND_WORD[element.kind]}</td>
                <th scope="row" className="row-title">
                  {element.title}
                </th>
                <td>
                  <span className="state-chip" data-testid={`matrix-state-${element.nodeId}`} data-state={element.state} style={{ borderColor: CONSENSUS_TONE[element.state] }}>
                    {CONSENSUS_BADGE[element.state]}
                  </span>
                </td>
                {element.positions.map((fromDoc, col) => {
                  const actorId = analysis.actorIds[col]!;
                  const position = shown(element.nodeId, actorId, fromDoc);
                  const isActive = activeRow === row && activeCol === col;
                  const stance = stances.get(cellKey(element.nodeId, actorId));
                  const note = stance?.note ?? '';
                  const holder = stance && position !== 'unknown' ? stance.holder : null;
                  return (
                    <td key={actorId} style={{ background: POSITION_TONE[position] }}>
                      <button
                        className={`matrix-cell position-${position}${isActive ? ' is-selected' : ''}`}
                        data-testid={`matrix-${element.nodeId}-${actorId}`}
                        data-position={position}
                        data-row={row}
                        data-col={col}
                        tabIndex={isActive ? 0 : -1}
                        aria-pressed={isActive}
                        data-holder={holder ?? ''}
                        // The holder's letter is drawn by CSS from this attribute, so the cell's
                        // visible text stays the position symbol its label names (WCAG 2.5.3).
                        data-mark={holder ? HOLDER_MARK[holder] : undefined}
                        aria-label={`${actors.get(actorId)?.name ?? actorId} on ${element.title}: ${position}${holder ? ` (${HOLDER_LABELS[holder]})` : ''}${note ? ', with a note' : ''}`}
                        title={note || undefined}
                        onFocus={() => setActive({ row, col })}
                        onClick={() => setActive({ row, col })}
                        onContextMenu={(e) => onContextMenu(e, row, col)}
                        onKeyDown={(e) => onKeyDown(e, row, col)}
                      >
                        {POSITION_SYMBOL[position]}
                        {note && <span className="note-mark" aria-hidden="true" />}
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
      {menu && <ContextMenu menu={menu} onClose={() => setMenu(null)} />}
    </div>
  );
}
