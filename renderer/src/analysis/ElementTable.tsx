/**
 * The table view: every element of the crisis (or the whole file) with its scores, risk,
 * consensus and coverage. Sorts by any column, filters by kind, actor, tag, consensus and
 * coverage plus the shared filter text, and edits titles and scores in place.
 */
import { useState } from 'react';
import { CONSENSUS_STATES, riskText, scoreText } from '../../../core/analysis';
import { NODE_KINDS, type GraphNode, type NodeKind } from '../../../core/model';
import { useAnalysisContext, useEdit } from './hooks';
import { derived } from './memo';
import { ScopeToggle } from './ScopeToggle';
import { ScoreCell, TitleCell } from './TableCells';
import { EMPTY_TABLE_FILTER, elementRows, filterRows, sortRows, tagsOf, type ElementRow, type Sort, type SortKey, type TableFilter } from './table-rows';
import { CONSENSUS_BADGE, CONSENSUS_TONE, riskTone } from './tones';
import './analysis.css';

const PAGE = 300;

const COLUMNS: { key: SortKey; label: string; fileOnly?: boolean }[] = [
  { key: 'kind', label: 'Kind' },
  { key: 'title', label: 'Title' },
  { key: 'crisis', label: 'Crisis', fileOnly: true },
  { key: 'likelihood', label: 'Likelihood' },
  { key: 'severity', label: 'Severity' },
  { key: 'risk', label: 'Risk' },
  { key: 'lead', label: 'Lead' },
  { key: 'consensus', label: 'Consensus' },
  { key: 'coverage', label: 'Coverage' },
];

export function ElementTable() {
  const { workbench, doc, view, crisisId, readOnly } = useAnalysisContext();
  const edit = useEdit();
  const [wholeFile, setWholeFile] = useState(false);
  const [filter, setFilter] = useState<Omit<TableFilter, 'text'>>(EMPTY_TABLE_FILTER);
  const [sort, setSort] = useState<Sort | null>(null);
  const [limit, setLimit] = useState(PAGE);
  if (!doc) return null;

  const scope = wholeFile ? null : crisisId;
  const all = derived(doc, `table-rows:${scope ?? '*'}`, () => elementRows(doc, scope));
  const rows = sortRows(filterRows(all, { ...filter, text: view.filter }), sort);
  const columns = COLUMNS.filter((c) => !c.fileOnly || scope === null);
  const actors = [...doc.actors].sort((a, b) => a.order - b.order);
  const patchFilter = (change: Partial<typeof filter>) => setFilter((f) => ({ ...f, ...change }));
  const toggleSort = (key: SortKey) =>
    setSort((s) => (s?.key !== key ? { key, descending: false } : s.descending ? null : { key, descending: true }));
  const update = (node: GraphNode, patch: Partial<Pick<GraphNode, 'title' | 'likelihood' | 'severity'>>, mark: string | null) =>
    edit([{ op: 'node.update', id: node.id, patch }], mark);

  return (
    <div className="element-table" data-testid="element-table">
      <div className="centre-toolbar">
        <h2>Elements</h2>
        <ScopeToggle wholeFile={wholeFile} onChange={setWholeFile} testId="table-scope-file" />
        <input
          type="search"
          placeholder="Filter titles, descriptions, tags"
          aria-label="Filter"
          value={view.filter}
          data-testid="table-filter-text"
          onChange={(e) => workbench.view.patch({ filter: e.target.value })}
        />
        <FilterSelect label="Kind" testId="table-filter-kind" value={filter.kind} onChange={(v) => patchFilter({ kind: v as NodeKind | '' })} options={NODE_KINDS.map((k) => [k, k])} />
        <FilterSelect label="Actor" hint="Responses this actor leads or supports" testId="table-filter-actor" value={filter.actorId} onChange={(v) => patchFilter({ actorId: v })} options={actors.map((a) => [a.id, a.name])} />
        <FilterSelect label="Tag" testId="table-filter-tag" value={filter.tag} onChange={(v) => patchFilter({ tag: v })} options={tagsOf(all).map((t) => [t, t])} />
        <FilterSelect
          label="Consensus"
          testId="table-filter-consensus"
          value={filter.consensus}
          onChange={(v) => patchFilter({ consensus: v as TableFilter['consensus'] })}
          options={CONSENSUS_STATES.map((s) => [s, CONSENSUS_BADGE[s]])}
        />
        <FilterSelect label="Coverage" testId="table-filter-coverage" value={filter.coverage} onChange={(v) => patchFilter({ coverage: v as TableFilter['coverage'] })} options={[['gap', 'gap'], ['covered', 'no gap']]} />
        <span className="muted" data-testid="table-count">
          {rows.length} of {all.length}
        </span>
      </div>
      <table className="analysis-table element-grid">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} aria-sort={sort?.key === c.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                <button className="sort-button" data-testid={`table-sort-${c.key}`} onClick={() => toggleSort(c.key)}>
                  {c.label}
                  {sort?.key === c.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
                </button>
              </th>
            ))}
            <th>Tags</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, limit).map((row) => (
            <TableRow key={row.node.id} row={row} fileScope={scope === null} readOnly={readOnly} onFocus={() => workbench.focusNodes([row.node.id])} onUpdate={update} />
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="analysis-empty">{all.length ? 'No element matches these filters.' : 'No elements here yet.'}</p>}
      {rows.length > limit && (
        <button className="show-more" data-testid="table-more" onClick={() => setLimit(limit + PAGE)}>
          Show {Math.min(PAGE, rows.length - limit)} more of {rows.length - limit}
        </button>
      )}
    </div>
  );
}

interface TableRowProps {
  row: ElementRow;
  fileScope: boolean;
  readOnly: boolean;
  onFocus(): void;
  onUpdate(node: GraphNode, patch: Partial<Pick<GraphNode, 'title' | 'likelihood' | 'severity'>>, mark: string | null): Promise<boolean>;
}

function TableRow({ row, fileScope, readOnly, onFocus, onUpdate }: TableRowProps) {
  const { node } = row;
  const scored = node.kind === 'trigger' || node.kind === 'crisis';
  return (
    <tr data-testid="table-row" data-node-id={node.id}>
      <td>
        <button className={`kind-link kind-dot-${node.kind}`} title="Show on the canvas" aria-label={`${node.kind}: show “${node.title || 'Untitled'}” on the canvas`} data-testid={`table-focus-${node.id}`} onClick={onFocus}>
          {node.kind}
        </button>
      </td>
      <td>
        <TitleCell node={node} readOnly={readOnly} onCommit={(title) => onUpdate(node, { title }, `table:title:${node.id}`)} />
      </td>
      {fileScope && <td className="row-crisis">{row.crisisTitle}</td>}
      <td>
        {scored ? (
          <ScoreCell label={`Likelihood of ${node.title || 'Untitled'}`} testId={`table-likelihood-${node.id}`} value={node.likelihood} readOnly={readOnly} onChange={(likelihood) => onUpdate(node, { likelihood }, null)} />
        ) : (
          node.kind === 'impact' && (
            <span className={row.likelihood === null ? 'unscored' : 'muted'} title="Effective likelihood, from what leads to it">
              {scoreText(row.likelihood)}
            </span>
          )
        )}
      </td>
      <td>
        {node.kind === 'impact' && <ScoreCell label={`Severity of ${node.title || 'Untitled'}`} testId={`table-severity-${node.id}`} value={node.severity} readOnly={readOnly} onChange={(severity) => onUpdate(node, { severity }, null)} />}
      </td>
      <td>{node.kind === 'impact' && <span className="risk-chip" style={{ background: riskTone(row.risk) }}>{riskText(row.risk)}</span>}</td>
      <td>{row.leadName}</td>
      <td>
        <span className="state-chip" style={{ borderColor: CONSENSUS_TONE[row.consensus] }}>
          {CONSENSUS_BADGE[row.consensus]}
        </span>
      </td>
      <td className={row.coverage === 'gap' ? 'coverage-gap' : 'muted'}>{row.coverage === 'gap' ? 'gap' : '—'}</td>
      <td className="row-tags">{node.tags.join(', ')}</td>
    </tr>
  );
}

function FilterSelect({ label, hint, value, options, onChange, testId }: { label: string; hint?: string; value: string; options: [string, string][]; onChange(value: string): void; testId: string }) {
  return (
    <label title={hint}>
      {label}{' '}
      <select value={value} data-testid={testId} onChange={(e) => onChange(e.target.value)}>
        <option value="">All</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
