/** docs/analysis.md must say what the code does where it repeats a table of the code's. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_KINDS, STANCE_MEANINGS } from '../../../core/model';

const doc = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'analysis.md'), 'utf8');

describe('docs/analysis.md', () => {
  it('gives, for each kind, the claim a stance makes exactly as the inspector and the matrix show it', () => {
    const section = doc.split('### What a stance claims, per kind')[1]?.split('\n### ')[0] ?? '';
    const rows = section.split('\n').filter((line) => /^\| [a-z]+ \|/.test(line) && !line.startsWith('| kind |'));
    const table = rows.map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()));
    expect(table).toEqual(NODE_KINDS.map((kind) => [kind, STANCE_MEANINGS[kind].question, STANCE_MEANINGS[kind].agree, STANCE_MEANINGS[kind].disagree]));
  });
});
