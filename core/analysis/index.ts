/** The analyses of issue 6: pure functions over a ScenarioDocument. Rules: docs/analysis.md. */
export * from './analyze';
export * from './cascade';
export * from './consensus';
export * from './format';
export * from './gaps';
export { buildGraphIndex, type AnalysisScope, type GraphIndex } from './graph-index';
export * from './responsibilities';
export * from './risk';
export * from './wording';
