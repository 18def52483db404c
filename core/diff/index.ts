/** Semantic diff and three-way merge of scenario documents (pure; no I/O). */
export * from './records';
export * from './diff';
export * from './merge';
