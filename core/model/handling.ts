/**
 * How a scenario is handled when it leaves the app: its handling marking (printed on every
 * export) and the audience its last export was cut for (remembered per scenario).
 */
import { z } from 'zod';
import { Id, Text } from './primitives';

export const MARKING_LIMITS = { marking: 80, caveat: 200 } as const;

/** Common markings offered in the app; the marking itself is free text. */
export const MARKING_PRESETS = ['UNCLASSIFIED', 'OFFICIAL', 'OFFICIAL-SENSITIVE', 'RESTRICTED', 'CONFIDENTIAL', 'SECRET'] as const;
/** Common caveat lines offered in the app; free text too. */
export const CAVEAT_PRESETS = ['FOR DISCUSSION ONLY', 'NOT FOR ONWARD DISTRIBUTION', 'REL TO USA, JPN', 'REL TO USA, JPN, KOR'] as const;

/** A marking: one line of text; '' means the scenario is unmarked. */
export const Marking = Text().trim().max(MARKING_LIMITS.marking).regex(/^[^\n\r]*$/, 'a marking is one line');
export const MarkingCaveat = Text().trim().max(MARKING_LIMITS.caveat).regex(/^[^\n\r]*$/, 'a caveat is one line');

/**
 * Who an export is cut for. `actorIds` lists the actors whose stances appear (null: every
 * actor); `notes` keeps stance notes and the reasons gaps were accepted; `reportOnly` keeps
 * only what a cited source states (values and stances whose basis is the report).
 * `crisisIds` lists the crises the export covers (null: every crisis).
 */
export const ExportAudience = z.strictObject({
  actorIds: z.array(Id).max(10_000).nullable(),
  notes: z.boolean(),
  reportOnly: z.boolean(),
  crisisIds: z.array(Id).max(100_000).nullable(),
});
export type ExportAudience = z.infer<typeof ExportAudience>;

/** Everyone, everything: the audience of an export nobody cut. */
export const FULL_AUDIENCE: ExportAudience = { actorIds: null, notes: true, reportOnly: false, crisisIds: null };

/** The handling fields of a scenario that nobody has set yet: unmarked, no author, no remembered audience. */
export const UNMARKED = { author: '', marking: '', markingCaveat: '', exportAudience: null } as const satisfies {
  author: string;
  marking: string;
  markingCaveat: string;
  exportAudience: ExportAudience | null;
};
