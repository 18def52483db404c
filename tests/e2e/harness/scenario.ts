/**
 * Builds a scenario through the contract (one batch of ops on a New scenario's first crisis),
 * saves it to a file in the test's folder and reloads the page, so the renderer loads it as it
 * loads any opened file.
 */
import { join } from 'node:path';
import type { Op } from '../../../core/ops';
import type { AppSession } from './app';

export async function openBuiltScenario(app: AppSession, name: string, ops: (crisisId: string) => Op[]): Promise<{ file: string; crisisId: string }> {
  const { page } = app;
  await page.getByTestId('welcome-new').click();
  await page.getByTestId('workspace').waitFor();
  const current = await page.evaluate(() => window.workbench.currentScenario({}));
  if (!current.ok || !current.value) throw new Error('no scenario after New');
  const crisisId = [...current.value.document.crises].sort((a, b) => a.order - b.order)[0]!.id;
  const applied = await page.evaluate((batch) => window.workbench.applyOps({ ops: batch, mark: null }), ops(crisisId));
  if (!applied.ok) throw new Error(`ops refused: ${applied.error.message}`);
  const file = join(app.workDir, `${name}.scenario`);
  app.dialogs.save.push(file);
  const saved = await page.evaluate(() => window.workbench.saveScenarioAs({}));
  if (!saved.ok) throw new Error(`save refused: ${saved.error.message}`);
  await app.reload();
  await page.locator('[data-testid="graph-node"]').first().waitFor();
  return { file, crisisId };
}
