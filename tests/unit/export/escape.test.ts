import { describe, expect, it } from 'vitest';
import { csvField, dotString, markdown, mermaidId, mermaidLabel, unescapeMarkdown, xml } from '../../../core/export/escape';
import { el, htmlEl, text } from '../../../core/export/markup';
import { cleanText, textWidthEm, wrapText } from '../../../core/export/text';
import { HOSTILE_TEXT } from '../../fixtures/export/builder';

describe('escaping, one function per output language', () => {
  it('xml: no markup characters survive, and characters XML forbids are dropped', () => {
    const out = xml(`${HOSTILE_TEXT}\u0001\u0008\uFFFE`);
    expect(out).not.toMatch(/[<>"'\t\n\u0001\u0008\uFFFE]/);
    expect(out).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#\d+;)/);
    expect(out).toContain('洪水');
  });

  it('markup builder: attribute values and text are escaped, names are checked', () => {
    expect(el('a', { title: '"><script>' }, text('<b>'))).toBe('<a title="&quot;&gt;&lt;script&gt;">&lt;b&gt;</a>');
    expect(htmlEl('meta', { charset: 'utf-8' })).toBe('<meta charset="utf-8">');
    expect(() => el('a onload', {})).toThrow();
    expect(el('svg', { xmlns: 'http://www.w3.org/2000/svg' })).toBe('<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(() => el('svg', { xmlns: 'javascript:alert(1)' })).toThrow();
  });

  it('markdown: every escaped character comes back with unescapeMarkdown', () => {
    const flat = HOSTILE_TEXT.replace(/\s+/g, ' ').trim();
    expect(unescapeMarkdown(markdown(HOSTILE_TEXT))).toBe(flat);
    expect(markdown('<b>|x|')).toBe('\\<b\\>\\|x\\|');
    for (const plain of ['1.4 m', 'de-conflict', '(see p. 3)', 'US-JP', 'a + b = c', '#1 priority', 'Q&A', "don't"]) expect(markdown(plain)).toBe(plain);
    expect(markdown('# x')).toBe('\\# x');
    expect(markdown('- x')).toBe('\\- x');
    expect(markdown('1. x')).toBe('1\\. x');
    expect(markdown('&amp;')).toBe('\\&amp;');
    for (const text of ['# x', '- x', '+ x', '===', '1. x', '3) x', '&amp; &#60;', 'a\\.b']) expect(unescapeMarkdown(markdown(text))).toBe(text);
  });

  it('csv: RFC 4180 quoting and inert formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"\nthen')).toBe('"say ""hi""\nthen"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField(-3)).toBe('-3');
    expect(csvField(null)).toBe('');
  });

  it('dot: quotes and backslashes are escaped, newlines become \\n', () => {
    expect(dotString('a "b" \\N\nc')).toBe('"a \\"b\\" \\\\N\\nc"');
  });

  it('mermaid: labels hold no character Mermaid could act on; ids are injective', () => {
    const label = mermaidLabel(HOSTILE_TEXT);
    expect(label.slice(1, -1).replace(/#\d+;/g, '')).not.toMatch(/["<>[\]{}|;`#]/);
    expect(mermaidLabel('a"b')).toBe('"a#34;b"');
    expect(mermaidId('a-b')).not.toBe(mermaidId('a_b'));
    expect(mermaidId('end')).toBe('n_end');
  });
});

describe('text shaping', () => {
  it('wraps to the width, marks truncation with an ellipsis, and breaks CJK runs', () => {
    const wrapped = wrapText('one two three four five six seven eight nine ten', 8, 2);
    expect(wrapped.lines.length).toBe(2);
    expect(wrapped.truncated).toBe(true);
    expect(wrapped.lines[1]!.endsWith('…')).toBe(true);
    for (const line of wrapped.lines) expect(textWidthEm(line)).toBeLessThanOrEqual(8);
    const cjk = wrapText('洪水対策洪水対策洪水対策', 4, 3);
    expect(cjk.lines).toEqual(['洪水対策', '洪水対策', '洪水対策']);
    expect(cjk.truncated).toBe(false);
  });

  it('replaces lone surrogates and drops control characters', () => {
    expect(cleanText('a\uD800b\u0007c\td')).toBe('a\uFFFDbc\td');
  });
});
