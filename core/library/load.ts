/**
 * Reads the shipped library file once, validates it, and hands out copies. The parsed value
 * is immutable seed data, not document state, so keeping it for the process is safe; callers
 * still get their own copy, so editing a result never changes the next one.
 */
import { AppError } from '../errors';
import { formatPath } from '../model';
import rawLibrary from './report-library.json';
import { ReportLibrary } from './schema';

let parsed: ReportLibrary | null = null;

/** The library exactly as shipped (positions at 0). Throws INVALID_DATA if the file is broken. */
export function loadReportLibrary(): ReportLibrary {
  if (parsed === null) parsed = parseReportLibrary(rawLibrary);
  return structuredClone(parsed);
}

/** Validates library data from anywhere (the shipped file, or a test's variant of it). */
export function parseReportLibrary(data: unknown): ReportLibrary {
  const result = ReportLibrary.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue ? formatPath(issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))) : '';
    throw new AppError('INVALID_DATA', `The report library is invalid at ${where || 'its root'}: ${issue?.message ?? 'unknown problem'}`);
  }
  return result.data;
}
