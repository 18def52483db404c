/**
 * Which font the PDF embeds. pdfkit's built-in Helvetica covers only Windows-1252, so we
 * look for a TrueType/OpenType font on the system: a CJK font first (every title then
 * embeds), else a broad Latin/Greek/Cyrillic font. With none found, PDF text falls back to
 * Helvetica and characters outside Windows-1252 are replaced (docs/export-formats.md).
 *
 * A CJK collection holds one face per language (Noto Sans CJK: JP, KR, SC, TC, HK), and the
 * same Han character has different glyph forms in each: the face is chosen by the scenario's
 * language (core/model/language.ts), regular and bold alike, so a Japanese brief is set in
 * Japanese forms and keeps its bold headings.
 */
import { existsSync } from 'node:fs';
import type { CjkLanguage } from '../../core/model';

export interface PdfFont {
  /** A file path, or a pdfkit standard font name. */
  src: string;
  /** The face inside a .ttc collection. */
  family?: string;
  coversCjk: boolean;
  embedded: boolean;
}

interface Face {
  path: string;
  /** The face's PostScript name inside a .ttc collection. */
  family?: string;
}

interface Candidate extends Face {
  coversCjk: boolean;
  /** The bold face of the same family, where the system has one. */
  bold?: Face;
  /** For a collection with a face per CJK language: that language's regular and bold faces. */
  byLanguage?: Record<CjkLanguage, { family: string; boldFamily: string }>;
}

/** Noto Sans CJK's faces by language; Debian's fonts-noto-cjk has them in two collections. */
const NOTO_CJK_FACES: Record<CjkLanguage, { family: string; boldFamily: string }> = {
  ja: { family: 'NotoSansCJKjp-Regular', boldFamily: 'NotoSansCJKjp-Bold' },
  ko: { family: 'NotoSansCJKkr-Regular', boldFamily: 'NotoSansCJKkr-Bold' },
  'zh-Hans': { family: 'NotoSansCJKsc-Regular', boldFamily: 'NotoSansCJKsc-Bold' },
  'zh-Hant': { family: 'NotoSansCJKtc-Regular', boldFamily: 'NotoSansCJKtc-Bold' },
};

const notoCjk = (dir: string): Candidate => ({
  path: `${dir}/NotoSansCJK-Regular.ttc`,
  family: NOTO_CJK_FACES['zh-Hans'].family,
  coversCjk: true,
  bold: { path: `${dir}/NotoSansCJK-Bold.ttc`, family: NOTO_CJK_FACES['zh-Hans'].boldFamily },
  byLanguage: NOTO_CJK_FACES,
});

const CANDIDATES: Candidate[] = [
  notoCjk('/usr/share/fonts/opentype/noto'),
  notoCjk('/usr/share/fonts/noto-cjk'),
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYiMicroHei', coversCjk: true },
  { path: '/System/Library/Fonts/Hiragino Sans GB.ttc', family: 'HiraginoSansGB-W3', coversCjk: true },
  { path: 'C:\\Windows\\Fonts\\msyh.ttc', family: 'MicrosoftYaHei', coversCjk: true },
  { path: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', coversCjk: false, bold: { path: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf' } },
  { path: '/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf', coversCjk: false },
  { path: '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', coversCjk: false },
  { path: '/Library/Fonts/Arial Unicode.ttf', coversCjk: true },
  { path: 'C:\\Windows\\Fonts\\arial.ttf', coversCjk: false },
];

export const STANDARD_FONT: PdfFont = { src: 'Helvetica', coversCjk: false, embedded: false };
export const STANDARD_BOLD_FONT: PdfFont = { src: 'Helvetica-Bold', coversCjk: false, embedded: false };

/** The regular face and its bold, for the brief. Without a bold face on the system, bold is the regular face. */
export interface PdfFonts {
  regular: PdfFont;
  bold: PdfFont;
}

/**
 * The first candidate present, or Helvetica, in the face for `language` (Simplified Chinese
 * forms without one). `SCENARIO_PDF_FONT` names a font file to use instead.
 */
export function findPdfFont(env: NodeJS.ProcessEnv = process.env, language: CjkLanguage | null = null): PdfFont {
  const override = env.SCENARIO_PDF_FONT;
  if (override && existsSync(override)) return { src: override, coversCjk: true, embedded: true };
  for (const c of CANDIDATES) {
    if (existsSync(c.path)) return { src: c.path, family: (language && c.byLanguage?.[language].family) || c.family, coversCjk: c.coversCjk, embedded: true };
  }
  return STANDARD_FONT;
}

/** The brief's faces: the same choice as `findPdfFont`, plus the bold of that family (and language) when installed. */
export function findPdfFonts(env: NodeJS.ProcessEnv = process.env, language: CjkLanguage | null = null): PdfFonts {
  const regular = findPdfFont(env, language);
  if (!regular.embedded) return { regular, bold: STANDARD_BOLD_FONT };
  const candidate = CANDIDATES.find((c) => c.path === regular.src);
  if (!candidate?.bold || !existsSync(candidate.bold.path)) return { regular, bold: regular };
  const boldFamily = (language && candidate.byLanguage?.[language].boldFamily) || candidate.bold.family;
  return { regular, bold: { ...regular, src: candidate.bold.path, family: boldFamily } };
}

/** Text Helvetica can encode: Windows-1252 only; the rest becomes "?". */
export function toWinAnsi(text: string): string {
  return text.replace(/[^\u0020-\u007E\u00A0-\u00FF\u2013\u2014\u2018\u2019\u201C\u201D\u2022\u2026\u20AC]/gu, '?');
}
