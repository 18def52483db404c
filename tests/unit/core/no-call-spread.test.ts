// No array is ever spread into a call's arguments (`Math.min(...xs)`, `push(...xs)`, `el(...kids)`):
// each element goes on the stack, and past about 100k elements (a large scenario) that throws
// "Maximum call stack size exceeded". core/arrays.ts has minOf, maxOf and pushAll instead, and
// markup builders take arrays. This scans every source file's syntax tree, so a new spread fails
// here rather than on a planner's big file. The few allowed are spreads of fixed-size values.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const ALLOWED = new Set([
  'main/export/pdf.ts: ...e.arrow', // the three corners of an arrowhead
  'renderer/src/canvas/use-stable.ts: ...args', // forwards a callback's own arguments
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('no spread of an array into call arguments', () => {
  it('anywhere in core/, db/, main/, preload/ or renderer/src/', () => {
    const found: string[] = [];
    for (const folder of ['core', 'db', 'main', 'preload', 'renderer/src']) {
      for (const file of sourceFiles(join(root, folder))) {
        const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
        const visit = (node: ts.Node): void => {
          if (ts.isSpreadElement(node) && (ts.isCallExpression(node.parent) || ts.isNewExpression(node.parent))) {
            const where = `${relative(root, file)}: ${node.getText().slice(0, 60)}`;
            if (!ALLOWED.has(where)) found.push(`${where} (line ${source.getLineAndCharacterOfPosition(node.getStart()).line + 1})`);
          }
          ts.forEachChild(node, visit);
        };
        visit(source);
      }
    }
    expect(found).toEqual([]);
  });
});
