/** Semantic diff and three-way merge of scenario documents (pure; no I/O). */
export * from './records';
export * from './diff';
export * from './merge';
export * from './to-ops';
export * from './describe';
export * from './brief';
