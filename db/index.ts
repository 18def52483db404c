/**
 * The scenario file store: the only module that touches SQLite. main/ and the CLI use this
 * surface; everything else in db/ is an implementation detail.
 */
export { APPLICATION_ID } from './constants';
export { SCHEMA_VERSION, MIGRATIONS, runMigrations, type Migration } from './migrations';
export { openScenarioFile, createScenarioFile, checkScenarioFile, type OpenOptions } from './open';
export {
  openScenarioFileBounded, checkScenarioFileBounded, SYNC_CHECK_MAX_BYTES,
  type OffThreadChecks, type BoundedOptions, type CheckResult, type ContentsResult,
} from './open-bounded';
export { starterDocument, validateDocument } from './validate-document';
export { exportDocumentJson, parseDocumentJson, canonicalDocument, documentJsonSchema } from './json';
export type { ScenarioStore, FileInfo, OpenResult } from './store';
export type { AppliedChange } from './apply';
export type { FileCounts, CrisisSummary } from './load';
export { salvageScenarioFile, salvageDocument, salvageSummary, type SalvageReport, type SalvageResult } from './salvage';
export { readImportText, writeFileAtomically, MAX_IMPORT_BYTES } from './file-io';
export { commonBase, SNAPSHOT_KINDS, type SnapshotInfo, type SnapshotKind, type Lineage } from './snapshots';
export { refuseOutputOnto, fileIdentity, type ProtectedFile } from './output-guard';
export { writeMergedFile } from './merge-file';
export { applyRecorded, historyOfStore } from './history-log';
