/** What a scenario file holds, read through the store read-only, as a test checks it after the fact. */
import type { ScenarioDocument } from '../../../core/model';
import { openScenarioFile } from '../../../db';

export function documentOnDisk(path: string): ScenarioDocument {
  const opened = openScenarioFile(path, { readOnly: true });
  if (!opened.ok) throw new Error(opened.error.message);
  try {
    return opened.store.load();
  } finally {
    opened.store.close();
  }
}
