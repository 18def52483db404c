export * from './channels';
export * from './views';
export type { Envelope, WorkbenchApi } from './api';
