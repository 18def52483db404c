/**
 * The recent-files list, kept by main in the app's data folder. The renderer refers to an
 * entry only by id, so it never hands main a path to open.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import type { RecentFile } from '../../core/contract';
import { newId } from '../../core/model';

const Entry = z.strictObject({ id: z.string(), path: z.string(), openedAt: z.string() });
const Stored = z.strictObject({ version: z.literal(1), entries: z.array(Entry).max(100) });
type Entry = z.infer<typeof Entry>;

export class RecentFiles {
  private entries: Entry[];
  private readonly file: string;

  constructor(userDataDir: string, private readonly limit = 12) {
    this.file = join(userDataDir, 'recent-files.json');
    this.entries = readStored(this.file);
  }

  list(): RecentFile[] {
    return this.entries.map((e) => ({
      id: e.id,
      fileName: basename(e.path),
      displayPath: e.path,
      openedAt: e.openedAt,
      exists: existsSync(e.path),
    }));
  }

  pathOf(id: string): string | null {
    return this.entries.find((e) => e.id === id)?.path ?? null;
  }

  touch(path: string, now = new Date()): void {
    const previous = this.entries.find((e) => e.path === path);
    const entry = { id: previous?.id ?? newId(), path, openedAt: now.toISOString() };
    this.entries = [entry, ...this.entries.filter((e) => e.path !== path)].slice(0, this.limit);
    this.save();
  }

  private save(): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, JSON.stringify({ version: 1, entries: this.entries }, null, 2));
    renameSync(temp, this.file);
  }
}

function readStored(file: string): Entry[] {
  try {
    const parsed = Stored.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data.entries : [];
  } catch {
    return []; // no list yet, or an unreadable one: start afresh rather than fail to launch
  }
}
