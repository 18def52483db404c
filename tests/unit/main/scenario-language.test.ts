/**
 * The scenario's stated language (issue 13) through the edit path the renderer uses: set by a
 * scenario.update op, undone and redone, listed in History, kept in the file, seen by the diff
 * as a changed scenario field, merged like any other field, and followed by the diagram's fonts.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { diffDocuments, mergeDocuments } from '../../../core/diff';
import { diagramGeometry } from '../../../core/export/geometry';
import { fontStack } from '../../../core/export/style';
import { blankNode, documentLanguage, type ScenarioDocument } from '../../../core/model';
import { mainHarness, type MainHarness } from '../support/main-harness';
import { documentOnDisk } from '../support/on-disk';

let h: MainHarness;
beforeEach(() => {
  h = mainHarness();
});
afterEach(() => h.dispose());


/** A saved scenario whose only CJK text is Han, which detection takes for Chinese. */
async function hanOnlyScenario(): Promise<{ path: string; doc: ScenarioDocument }> {
  const view = await h.view('newScenario', { title: '東京' });
  const crisisId = view.document.crises[0]!.id;
  await h.value('applyOps', { ops: [{ op: 'node.create', node: { ...blankNode('trigger', crisisId, 't1', { x: 0, y: 0 }), title: '地震' } }], mark: null });
  const path = join(h.dir, 'plan.scenario');
  h.dialogs.save.push(path);
  await h.value('saveScenarioAs', {});
  await h.value('closeScenario', {});
  const doc = documentOnDisk(path);
  h.dialogs.open.push(path);
  await h.view('openScenario', {});
  return { path, doc };
}

describe('the scenario language', () => {
  it('is set by an op, undone and redone, listed in History, and kept in the file', async () => {
    const { path, doc } = await hanOnlyScenario();
    expect(doc.scenario.language).toBeNull();
    expect(documentLanguage(doc)).toBe('zh-Hans');

    await h.value('sealHistory', {});
    await h.value('applyOps', { ops: [{ op: 'scenario.update', patch: { language: 'ja' } }], mark: null });
    await h.value('closeScenario', {});
    const stated = documentOnDisk(path);
    expect(stated.scenario.language).toBe('ja');
    expect(documentLanguage(stated)).toBe('ja');

    h.dialogs.open.push(path);
    await h.view('openScenario', {});
    const steps = await h.value('history', {});
    expect(steps.at(-1)).toMatchObject({ state: 'done', summary: expect.stringMatching(/scenario/i) });
    await h.value('undo', {});
    await h.value('closeScenario', {});
    expect(documentOnDisk(path).scenario.language).toBeNull();

    h.dialogs.open.push(path);
    await h.view('openScenario', {});
    await h.value('redo', {});
    await h.value('closeScenario', {});
    expect(documentOnDisk(path).scenario.language).toBe('ja');
  });

  it('a language outside the list is refused and nothing is written', async () => {
    const { path } = await hanOnlyScenario();
    const refused = await h.call('applyOps', { ops: [{ op: 'scenario.update', patch: { language: 'fr' as 'ja' } }], mark: null });
    expect(refused.ok).toBe(false);
    await h.value('closeScenario', {});
    expect(documentOnDisk(path).scenario.language).toBeNull();
  });

  it('is a changed scenario field in the diff, and merges like one', async () => {
    const { doc: base } = await hanOnlyScenario();
    const ours: ScenarioDocument = { ...base, scenario: { ...base.scenario, language: 'ja' } };
    expect(diffDocuments(base, ours).changed).toEqual([expect.objectContaining({ type: 'scenario', fields: { language: { from: null, to: 'ja' } } })]);

    const merged = mergeDocuments(base, base, ours);
    expect(merged.unresolved).toBe(0);
    expect(merged.document.scenario.language).toBe('ja');

    const theirs: ScenarioDocument = { ...base, scenario: { ...base.scenario, language: 'zh-Hant' } };
    const clash = mergeDocuments(base, ours, theirs, { prefer: 'theirs' });
    expect(clash.conflicts).toEqual([expect.objectContaining({ type: 'scenario', field: 'language' })]);
    expect(clash.document.scenario.language).toBe('zh-Hant');
  });

  it('decides the diagram font: the stated language wins over the detected one', async () => {
    const { doc } = await hanOnlyScenario();
    expect(diagramGeometry(doc, { kind: 'all' }).language).toBe('zh-Hans');
    const japanese: ScenarioDocument = { ...doc, scenario: { ...doc.scenario, language: 'ja' } };
    const g = diagramGeometry(japanese, { kind: 'all' });
    expect(g.language).toBe('ja');
    expect(fontStack(g.language, 'diagram').split(',')[0]).toMatch(/JP/);
  });
});
