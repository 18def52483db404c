/**
 * Which font the PDF embeds. pdfkit's built-in Helvetica covers only Windows-1252, so we
 * look for a TrueType/OpenType font on the system: a CJK font first (every title then
 * embeds), else a broad Latin/Greek/Cyrillic font. With none found, PDF text falls back to
 * Helvetica and characters outside Windows-1252 are replaced (docs/export-formats.md).
 */
import { existsSync } from 'node:fs';

export interface PdfFont {
  /** A file path, or a pdfkit standard font name. */
  src: string;
  /** The face inside a .ttc collection. */
  family?: string;
  coversCjk: boolean;
  embedded: boolean;
}

interface Candidate {
  path: string;
  family?: string;
  coversCjk: boolean;
  /** The bold face of the same family, where the system has one. */
  bold?: { path: string; family?: string };
}

const CANDIDATES: Candidate[] = [
  {
    path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular', coversCjk: true,
    bold: { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', family: 'NotoSansCJKsc-Bold' },
  },
  {
    path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular', coversCjk: true,
    bold: { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc', family: 'NotoSansCJKsc-Bold' },
  },
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

/** The first candidate present, or Helvetica. `SCENARIO_PDF_FONT` names a font file to use instead. */
export function findPdfFont(env: NodeJS.ProcessEnv = process.env): PdfFont {
  const override = env.SCENARIO_PDF_FONT;
  if (override && existsSync(override)) return { src: override, coversCjk: true, embedded: true };
  for (const c of CANDIDATES) {
    if (existsSync(c.path)) return { src: c.path, family: c.family, coversCjk: c.coversCjk, embedded: true };
  }
  return STANDARD_FONT;
}

/** The brief's faces: the same choice as `findPdfFont`, plus the bold of that family when installed. */
export function findPdfFonts(env: NodeJS.ProcessEnv = process.env): PdfFonts {
  const regular = findPdfFont(env);
  if (!regular.embedded) return { regular, bold: STANDARD_BOLD_FONT };
  const candidate = CANDIDATES.find((c) => c.path === regular.src);
  const bold = candidate?.bold && existsSync(candidate.bold.path) ? { ...regular, src: candidate.bold.path, family: candidate.bold.family } : regular;
  return { regular, bold };
}

/** Text Helvetica can encode: Windows-1252 only; the rest becomes "?". */
export function toWinAnsi(text: string): string {
  return text.replace(/[^\u0020-\u007E\u00A0-\u00FF\u2013\u2014\u2018\u2019\u201C\u201D\u2022\u2026\u20AC]/gu, '?');
}
