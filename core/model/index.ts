export * from './primitives';
export * from './text';
export * from './handling';
export * from './scenario';
export * from './graph';
export * from './evidence';
export * from './document';
export * from './fast-validate';
