/**
 * Japanese, Korean and Chinese text in the scenario's own glyph forms: the language is detected
 * from the text (kana → ja, hangul → ko, other Han → zh-Hans) or stated by the scenario; the
 * font stack of the canvas, SVG and PNG puts that language's face first; the PDF brief embeds
 * that language's regular and bold faces (read back with pdffonts); in the diagram a long
 * title's first line stops short of the score badge. The PNGs are saved for review.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagramGeometry, fontStack, renderSvg } from '../../../core/export';
import { textWidthEm } from '../../../core/export/text';
import { TYPE } from '../../../core/export/geometry';
import { detectCjkLanguage, documentLanguage, type CjkLanguage, type ScenarioDocument } from '../../../core/model';
import { exportDocument } from '../../../main/export';
import { findPdfFont } from '../../../main/export/fonts';
import { DocumentBuilder } from '../../fixtures/export/builder';
import { runTool, withTempFile } from './tools';

const TITLES: Record<'ja' | 'ko', { crisis: string; trigger: string }> = {
  ja: { crisis: '尖閣諸島周辺での偶発的衝突', trigger: '漁船と海上保安庁の巡視船が接触し緊張が一気に高まる' },
  ko: { crisis: '서해 난민 탈출', trigger: '북한 내부 혼란으로 대규모 주민이 바다로 탈출한다' },
};

function cjkDocument(language: 'ja' | 'ko'): ScenarioDocument {
  const b = new DocumentBuilder(language === 'ja' ? '東アジア危機シナリオ' : '동아시아 위기 시나리오');
  const crisis = b.crisis(TITLES[language].crisis);
  const trigger = b.node(crisis, 'trigger', TITLES[language].trigger, { likelihood: 3 });
  const node = b.node(crisis, 'crisis', TITLES[language].crisis, { likelihood: 4 });
  b.doc.edges.push({ id: 'e1', crisisId: crisis, source: trigger, target: node, kind: 'leads-to', label: '', confidence: null, basis: {} });
  return b.doc;
}

const cjkFaces = (stack: string): string[] => stack.split(', ').filter((f) => f.includes('CJK'));
const faces = (stack: string): string[] => stack.split(', ');

describe('the scenario language', () => {
  it('is detected from the script: kana → ja, hangul → ko, Han alone → zh-Hans, none → null', () => {
    expect(detectCjkLanguage(['Typhoon', '東京湾の封鎖'])).toBe('ja');
    expect(detectCjkLanguage(['台風', 'カテゴリー5'])).toBe('ja');
    expect(detectCjkLanguage(['서울 대피'])).toBe('ko');
    expect(detectCjkLanguage(['台风登陆', '难民'])).toBe('zh-Hans');
    expect(detectCjkLanguage(['Refugee exodus', 'Ports closed'])).toBeNull();
    expect(documentLanguage(cjkDocument('ja'))).toBe('ja');
    expect(documentLanguage(cjkDocument('ko'))).toBe('ko');
  });

  it('puts the matching Noto CJK face first among the CJK faces, after the Latin ones', () => {
    const first: Record<CjkLanguage, string> = { ja: 'JP', ko: 'KR', 'zh-Hans': 'SC', 'zh-Hant': 'TC' };
    for (const [language, code] of Object.entries(first) as [CjkLanguage, string][]) {
      const stack = fontStack(language);
      expect(faces(stack)[0]).toBe('Noto Sans');
      expect(cjkFaces(stack)[0]).toBe(`Noto Sans CJK ${code}`);
      expect(cjkFaces(stack)).toHaveLength(4);
      // The diagram (drawn by resvg for the PNG) leads with the language's face.
      expect(faces(fontStack(language, 'diagram'))[0]).toBe(`Noto Sans CJK ${code}`);
      expect(faces(fontStack(language, 'diagram')).sort()).toEqual(faces(stack).sort());
    }
    expect(cjkFaces(fontStack(null))[0]).toBe('Noto Sans CJK SC');
    expect(faces(fontStack(null, 'diagram'))[0]).toBe('Noto Sans');
  });
});

describe.each(['ja', 'ko'] as const)('a %s scenario', (language) => {
  const code = language === 'ja' ? 'JP' : 'KR';
  const doc = cjkDocument(language);

  it('draws its SVG (and so its PNG) with its own face first', () => {
    const svg = renderSvg(doc, { kind: 'all' });
    const family = /font-family="([^"]*)"/.exec(svg)?.[1] ?? '';
    expect(faces(family)[0]).toBe(`Noto Sans CJK ${code}`);
  });

  it('keeps the first title line clear of the score badge', () => {
    const g = diagramGeometry(doc, { kind: 'all' });
    for (const box of g.nodes.filter((n) => n.badge)) {
      const first = box.titleLines[0]!;
      expect(first.x + textWidthEm(first.text) * TYPE.nodeTitle, box.fullTitle).toBeLessThan(box.badge!.x - 2);
    }
  });

  it('embeds its own regular and bold CJK faces in the PDF brief (pdffonts)', async (ctx) => {
    if (!findPdfFont().coversCjk) ctx.skip();
    const { bytes } = await exportDocument(doc, { format: 'pdf', scope: { kind: 'all' } });
    const fonts = withTempFile('brief.pdf', bytes, (path) => runTool('pdffonts', [path]).stdout);
    const embedded = fonts.split('\n').slice(2).map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
    expect(embedded).toContain(`NotoSansCJK${code.toLowerCase()}-Regular`);
    expect(embedded).toContain(`NotoSansCJK${code.toLowerCase()}-Bold`);
    expect(embedded.filter((f) => f.startsWith('NotoSansCJKsc'))).toEqual([]);
  });

  it('renders the PNG (saved to screenshots/ for review)', async () => {
    const { bytes } = await exportDocument(doc, { format: 'png', scope: { kind: 'all' } });
    expect(Buffer.from(bytes.subarray(1, 4)).toString('latin1')).toBe('PNG');
    const dir = resolve(import.meta.dirname, '../../../screenshots');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `cjk-${language}.png`), bytes);
  });
});
