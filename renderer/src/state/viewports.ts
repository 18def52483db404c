/**
 * Where each crisis's canvas is looking: session state with one owner. It is seeded from the
 * file when the file opens, the canvas reads and writes only here, and every change the user
 * makes is written back to the file (debounced) so the crisis reopens there next time. The
 * document's own copy is never read again after opening, so it cannot go stale under the canvas.
 */
import { DEFAULT_VIEWPORT, type ScenarioDocument, type Viewport } from '../../../core/model';

export type PersistViewport = (crisisId: string, viewport: Viewport) => void;

const SAVE_DELAY_MS = 600;

const isDefault = (v: Viewport) => v.x === DEFAULT_VIEWPORT.x && v.y === DEFAULT_VIEWPORT.y && v.zoom === DEFAULT_VIEWPORT.zoom;

export class ViewportStore {
  private readonly byCrisis = new Map<string, Viewport>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly persist: PersistViewport) {}

  /** A file was opened: take its saved viewports, forget the previous file's. */
  seed(doc: ScenarioDocument | null): void {
    this.byCrisis.clear();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const crisis of doc?.crises ?? []) if (!isDefault(crisis.viewport)) this.byCrisis.set(crisis.id, crisis.viewport);
  }

  /** Where the crisis was left, or null when it has never been looked at (the canvas then fits it). */
  get(crisisId: string): Viewport | null {
    return this.byCrisis.get(crisisId) ?? null;
  }

  /** The user panned or zoomed: remember it now, and in the file shortly (unless it is read-only). */
  remember(crisisId: string, viewport: Viewport, writable: boolean): void {
    this.byCrisis.set(crisisId, viewport);
    if (!writable) return;
    const pending = this.timers.get(crisisId);
    if (pending) clearTimeout(pending);
    this.timers.set(
      crisisId,
      setTimeout(() => {
        this.timers.delete(crisisId);
        this.persist(crisisId, viewport);
      }, SAVE_DELAY_MS),
    );
  }

  /** Forget crises the document no longer holds. */
  prune(liveCrises: ReadonlySet<string>): void {
    for (const id of [...this.byCrisis.keys()]) {
      if (liveCrises.has(id)) continue;
      this.byCrisis.delete(id);
      const pending = this.timers.get(id);
      if (pending) clearTimeout(pending);
      this.timers.delete(id);
    }
  }
}
