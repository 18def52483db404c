/** Importers: pure functions from file text to a validated ScenarioDocument, or the first problem. */
export { importCanvas, JsonCanvasSchema, type CanvasImportOptions } from './canvas';
export { importCsv, importCsvTables, type CsvImportOptions } from './csv';
export { parseCsv, type CsvRow } from './csv-parse';
export type { ImportResult } from './result';
