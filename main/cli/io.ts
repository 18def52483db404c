/** What a CLI command is given: the version to print, where its output and errors go, and the folder relative paths start from. */
export interface CliIo {
  version: string;
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  /** The built import worker (main/import/worker.ts); runCli fills in the one built beside the CLI. */
  importWorker: string;
}
