/**
 * The app's own settings, kept by main in the app's data folder: for now the planner's name,
 * set once, which snapshots and the history record as the author of what they did.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';

export const AppSettingsShape = z.strictObject({
  /** Who made a change, as shown in the history and on snapshots; empty until set. */
  userName: z.string().trim().max(120),
});
export type AppSettingsValue = z.infer<typeof AppSettingsShape>;

const Stored = z.strictObject({ version: z.literal(1), settings: AppSettingsShape });
const DEFAULTS: AppSettingsValue = { userName: '' };

export class AppSettings {
  private value: AppSettingsValue;
  private readonly file: string;

  constructor(userDataDir: string) {
    this.file = join(userDataDir, 'settings.json');
    this.value = readStored(this.file);
  }

  get(): AppSettingsValue {
    return { ...this.value };
  }

  update(patch: Partial<AppSettingsValue>): AppSettingsValue {
    this.value = AppSettingsShape.parse({ ...this.value, ...patch });
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, JSON.stringify({ version: 1, settings: this.value }, null, 2));
    renameSync(temp, this.file);
    return this.get();
  }

  /** The name to record as a change's author: the planner's, or "unnamed" until they set one. */
  author(): string {
    return this.value.userName || 'unnamed';
  }
}

function readStored(file: string): AppSettingsValue {
  try {
    const parsed = Stored.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data.settings : { ...DEFAULTS };
  } catch {
    return { ...DEFAULTS }; // none yet, or unreadable: defaults rather than fail to launch
  }
}
