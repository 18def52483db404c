/** Large inputs for the worker tests, and the hash that proves a file was left as it was. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { reportLibrary } from '../../../core/library';
import { blankNode, type ScenarioDocument } from '../../../core/model';

export const hashOf = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/** The report library with `extra` more impacts in its first crisis, each with `description`: a file that takes a while to check. */
export function largeLibraryDocument(extra: number, description = ''): ScenarioDocument {
  const doc = reportLibrary();
  const crisisId = doc.crises[0]!.id;
  for (let i = 0; i < extra; i++) doc.nodes.push({ ...blankNode('impact', crisisId, `bulk-${i}`, { x: (i % 100) * 260, y: Math.floor(i / 100) * 120 }), title: `Impact ${i}`, description });
  return doc;
}
