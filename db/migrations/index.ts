/**
 * The ordered list of schema migrations, keyed by PRAGMA user_version. All pending steps run
 * in one transaction: a file is either fully at the new version or untouched.
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../core/errors';
import { APPLICATION_ID } from '../constants';
import { baseSchema } from './001-base-schema';
import { referenceIndexes } from './002-reference-indexes';
import { snapshots } from './003-snapshots';
import { handlingMarking } from './004-handling-marking';
import { basisAndHolders } from './005-basis-and-holders';
import { historyLog } from './006-history-log';
import { scenarioLanguage } from './007-scenario-language';
import type { Migration } from './types';

export type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [baseSchema, referenceIndexes, snapshots, handlingMarking, basisAndHolders, historyLog, scenarioLanguage];

/** The typed refusal for a file whose user_version is above what this build knows. */
export function newerVersionError(version: number, known: number, action: string): AppError {
  return new AppError('NEWER_VERSION', `This scenario was made by a newer version of the app (format ${version}; this version reads up to ${known}). Update the app to ${action}.`);
}

/** The user_version this build writes. */
export const SCHEMA_VERSION: number = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/**
 * Bring `db` from its current user_version up to `target` (default: the latest), in ONE
 * transaction. Throws NEWER_VERSION if the file is newer than the list knows; never touches such a file.
 */
export function runMigrations(db: Database, target: number = SCHEMA_VERSION, migrations: readonly Migration[] = MIGRATIONS): number {
  const from = db.pragma('user_version', { simple: true }) as number;
  if (from > target) throw newerVersionError(from, target, 'open it');
  const pending = migrations.filter((m) => m.version > from && m.version <= target);
  if (pending.length === 0) return from;
  db.transaction(() => {
    if (from === 0) db.pragma(`application_id = ${APPLICATION_ID}`);
    for (const step of pending) step.up(db);
    db.pragma(`user_version = ${target}`);
  }).immediate();
  return target;
}
