/** Exporters: pure functions from a ScenarioDocument and a scope to text in each format. */
export { checkScope, scopedGraph, scopedDocument, scopeTitle, type ExportScope, type ScopedGraph, type CrisisGraph } from './scope';
export { KIND_STYLE, EDGE_STYLE, FONT_STACK, fontStack, CJK_FACES, type KindStyle, type EdgeStyle, type NodeShape } from './style';
export { diagramGeometry, type DiagramGeometry, type NodeBox, type EdgeLine } from './geometry';
export { renderSvg, svgFromGeometry, svgElement } from './svg';
export { svgOverviewFromGeometry, titlesLegibleAt, MIN_LEGIBLE_TEXT_PX } from './svg-overview';
export { renderMarkdownBrief } from './markdown';
export { renderHtmlBrief, BRIEF_CSP } from './html';
export { briefData, coverageGaps, type BriefData, type BriefSection, type CoverageGaps } from './brief-data';
export { briefBlocks, briefContents, briefIntro, type BriefBlock, type TableCell } from './brief-blocks';
export {
  renderCsv, renderCsvTables, NODE_COLUMNS, EDGE_COLUMNS, STANCE_PREFIX, STANCE_DETAIL_PREFIXES, JUDGED_NODE_COLUMNS, basisColumn, LIST_SEPARATOR, type CsvOptions,
} from './csv';
export { renderMermaid } from './mermaid';
export { renderDot } from './dot';
export { renderGraphml } from './graphml';
export { renderCanvas, canvasDocument, type JsonCanvas, type CanvasTextNode, type CanvasGroupNode, type CanvasEdge } from './canvas';
export { cleanText, oneLineText, wrapText } from './text';
export { cutForAudience, markingLines, markingBanner, audienceNotes, type ExportHeader, type MarkingOverride, type AudienceCut } from './audience';
