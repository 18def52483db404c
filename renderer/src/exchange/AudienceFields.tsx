/**
 * The export dialog's audience: which actors' positions the export shows, whether notes go
 * with them, whether only what a cited source grounds goes in, and (for "Chosen crises") which crises. It starts from the audience remembered in
 * the scenario (main writes it back after each export) and shows the marking every export
 * will carry. Actors or crises deleted since the choice was remembered are simply dropped.
 */
import { useState } from 'react';
import { markingBanner, markingLines } from '../../../core/export/audience';
import type { ExportAudience, ScenarioDocument } from '../../../core/model';

export interface AudienceChoice {
  /** Actor ids whose positions are shown. */
  actorIds: Set<string>;
  notes: boolean;
  /** Only values, links and positions a cited source states or grounds (no notes). */
  reportOnly: boolean;
  /** For the "chosen crises" scope. */
  crisisIds: Set<string>;
}

const byOrder = <T extends { order: number; id: string }>(a: T, b: T): number => a.order - b.order || (a.id < b.id ? -1 : 1);

/** The dialog's starting choice: the remembered audience, or everyone and everything. */
export function initialAudience(doc: ScenarioDocument): AudienceChoice {
  const remembered = doc.scenario.exportAudience;
  const actors = doc.actors.map((a) => a.id);
  const crises = new Set(doc.crises.map((c) => c.id));
  return {
    actorIds: new Set(remembered?.actorIds ? remembered.actorIds.filter((id) => actors.includes(id)) : actors),
    notes: remembered?.notes ?? true,
    reportOnly: remembered?.reportOnly ?? false,
    crisisIds: new Set((remembered?.crisisIds ?? []).filter((id) => crises.has(id))),
  };
}

/** The audience sent with the export (and remembered): every actor checked means "everyone". */
export function audienceOf(doc: ScenarioDocument, choice: AudienceChoice, crisisIds: string[] | null): ExportAudience {
  const everyone = doc.actors.every((a) => choice.actorIds.has(a.id));
  return {
    actorIds: everyone ? null : doc.actors.filter((a) => choice.actorIds.has(a.id)).sort(byOrder).map((a) => a.id),
    notes: choice.notes && !choice.reportOnly,
    reportOnly: choice.reportOnly,
    crisisIds,
  };
}

export function useAudience(doc: ScenarioDocument | undefined) {
  return useState<AudienceChoice>(() => (doc ? initialAudience(doc) : { actorIds: new Set(), notes: true, reportOnly: false, crisisIds: new Set() }));
}

const toggled = (set: Set<string>, id: string, on: boolean): Set<string> => {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
};

export function CrisisChoice({ doc, choice, onChange, disabled }: { doc: ScenarioDocument; choice: AudienceChoice; onChange(next: AudienceChoice): void; disabled: boolean }) {
  return (
    <fieldset className="exchange-fieldset" data-testid="export-crises">
      <legend>Crises</legend>
      {[...doc.crises].sort(byOrder).map((c) => (
        <label key={c.id} className="exchange-check">
          <input
            type="checkbox"
            checked={choice.crisisIds.has(c.id)}
            disabled={disabled}
            onChange={(e) => onChange({ ...choice, crisisIds: toggled(choice.crisisIds, c.id, e.target.checked) })}
          />
          <span>{c.title}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function AudienceFields({ doc, choice, onChange, disabled }: { doc: ScenarioDocument; choice: AudienceChoice; onChange(next: AudienceChoice): void; disabled: boolean }) {
  const actors = [...doc.actors].sort(byOrder);
  const leftOut = actors.filter((a) => !choice.actorIds.has(a.id));
  const marking = markingBanner(markingLines(doc));
  return (
    <>
      <fieldset className="exchange-fieldset" data-testid="export-actors">
        <legend>Positions shown</legend>
        <div className="exchange-actor-grid">
          {actors.map((a) => (
            <label key={a.id} className="exchange-check" title={a.name}>
              <input
                type="checkbox"
                checked={choice.actorIds.has(a.id)}
                disabled={disabled}
                aria-label={`Show the positions of ${a.name}`}
                onChange={(e) => onChange({ ...choice, actorIds: toggled(choice.actorIds, a.id, e.target.checked) })}
              />
              <span>{a.code}</span>
            </label>
          ))}
        </div>
        <p className="muted" data-testid="export-left-out">
          {leftOut.length === 0 ? 'Every actor’s positions are shown.' : `Left out, and said so in the export: ${leftOut.map((a) => a.name).join(', ')}.`}
        </p>
      </fieldset>
      <label className="exchange-check">
        <input
          type="checkbox"
          data-testid="export-report-only"
          checked={choice.reportOnly}
          disabled={disabled}
          aria-describedby="export-report-only-help"
          onChange={(e) => onChange({ ...choice, reportOnly: e.target.checked })}
        />
        <span>Only what a cited source states</span>
      </label>
      <p className="exchange-help" id="export-report-only-help">
        {choice.reportOnly
          ? 'Values, links and positions resting on an assumption or a planner’s entry are left out, with every note; what is stated in the report or inferred from it stays, marked as such.'
          : 'Every value goes in, each marked with its basis: report, inferred, assumption or planner.'}
      </p>
      <label className="exchange-check">
        <input
          type="checkbox"
          data-testid="export-notes"
          checked={choice.notes && !choice.reportOnly}
          disabled={disabled || choice.reportOnly}
          onChange={(e) => onChange({ ...choice, notes: e.target.checked })}
        />
        <span>Include the notes on positions and accepted gaps{choice.reportOnly ? ' (not with “only what a source states”)' : ''}</span>
      </label>
      <p className="exchange-marking" data-testid="export-marking">
        {marking ? `Marked ${marking} (set in the Scenario panel); every export carries it.` : 'Unmarked: set a handling marking in the Scenario panel.'}
      </p>
    </>
  );
}
