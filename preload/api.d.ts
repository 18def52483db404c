import type { WorkbenchApi } from '../core/contract';

declare global {
  interface Window {
    workbench: WorkbenchApi;
  }
}
export {};
