/** What the e2e bridge adds to the page's window, beside the contract's `workbench` (preload/api.d.ts). */
declare global {
  interface Window {
    /** Exposed by the harness (Playwright's exposeBinding): one contract call, run by the real handlers. */
    __swInvoke(channel: string, request: unknown): Promise<unknown>;
    /** Set by bridge-entry.ts: delivers one main → renderer event to the page's listeners. */
    __swEmit(channel: string, payload: unknown): void;
  }
}
export {};
