/**
 * Identity of a scenario file. APPLICATION_ID is stored in the SQLite header (offset 68) so any
 * tool can tell our files from other SQLite databases without reading a table.
 */

/** ASCII "SWBk" (Scenario WorkBench): 0x5357426B = 1398227563. */
export const APPLICATION_ID = 0x5357426b;

/** The tables of a scenario file, in the order a change lists them and salvage reads them. */
export const TABLES = ['scenario', 'actors', 'crises', 'nodes', 'edges', 'stances', 'sources', 'provenance'] as const;
export type Table = (typeof TABLES)[number];

/** Suffixes SQLite may create beside a database file. None may remain after close(). */
export const SIDE_FILE_SUFFIXES = ['-journal', '-wal', '-shm'] as const;
