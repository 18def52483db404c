import type { Database } from 'better-sqlite3';

/** One schema step. `up` runs inside the single transaction that applies every pending step. */
export interface Migration {
  /** The user_version the file has after this step. */
  version: number;
  name: string;
  up(db: Database): void;
}
