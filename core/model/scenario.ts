/** The scenario's own details, its actors and its crises. */
import { z } from 'zod';
import { ExportAudience, Marking, MarkingCaveat } from './handling';
import { CjkLanguage } from './language';
import { IsoDate } from './basis';
import { Color, Coord, Id, LIMITS, LongText, ShortText, Text, Timestamp, Title } from './primitives';

export const ScenarioMeta = z.strictObject({
  title: Title,
  description: LongText,
  createdAt: Timestamp,
  modifiedAt: Timestamp,
  /** The actors whose agreement counts for consensus; defaults to the four governments. */
  coreActorIds: z.array(Id).max(100),
  /** Who prepared the scenario, for the cover of a brief. */
  author: ShortText,
  /** The handling marking every export carries ('' = unmarked), e.g. OFFICIAL. */
  marking: Marking,
  /** The caveat line printed with the marking, e.g. "REL TO USA, JPN". */
  markingCaveat: MarkingCaveat,
  /** The audience the last export was cut for, remembered per scenario; null until the first. */
  exportAudience: ExportAudience.nullable(),
  /** The date the scenario's positions and statuses describe (YYYY-MM-DD), or null. */
  asOf: IsoDate.nullable(),
  /** The language its CJK text is written in, as the user stated it; null = detect it from the text. */
  language: CjkLanguage.nullable(),
});
export type ScenarioMeta = z.infer<typeof ScenarioMeta>;

export const Actor = z.strictObject({
  id: Id,
  name: Text().trim().min(1).max(120),
  code: Text().trim().min(1).max(LIMITS.actorCode),
  color: Color,
  order: z.number().int().min(0),
});
export type Actor = z.infer<typeof Actor>;

export const CRISIS_STATUSES = ['draft', 'active', 'monitoring', 'archived'] as const;
export const CrisisStatus = z.enum(CRISIS_STATUSES);
export type CrisisStatus = z.infer<typeof CrisisStatus>;

export const Viewport = z.strictObject({
  x: Coord,
  y: Coord,
  zoom: z.number().finite().min(0.01).max(10),
});
export type Viewport = z.infer<typeof Viewport>;

export const Crisis = z.strictObject({
  id: Id,
  title: Title,
  region: ShortText,
  summary: LongText,
  status: CrisisStatus,
  viewport: Viewport,
  order: z.number().int().min(0),
});
export type Crisis = z.infer<typeof Crisis>;

/** The four governments at the 2016 Tokyo meeting; every new scenario starts with them. */
export const DEFAULT_ACTORS: readonly Actor[] = [
  { id: 'us', name: 'United States', code: 'US', color: '#3b5ba9', order: 0 },
  { id: 'jp', name: 'Japan', code: 'JP', color: '#c0392b', order: 1 },
  { id: 'kr', name: 'Republic of Korea', code: 'ROK', color: '#2e8b7a', order: 2 },
  { id: 'cn', name: 'China', code: 'PRC', color: '#d68910', order: 3 },
];

export const DEFAULT_VIEWPORT: Viewport = { x: 0, y: 0, zoom: 1 };
