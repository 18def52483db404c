/**
 * Whether the canvas is still, published as `data-canvas-state` on the canvas element
 * ("opening" until the crisis's first viewport is applied, "moving" while the user pans or
 * zooms or the app animates the view, then "still"). Tests and anything else that must look at
 * a settled canvas wait on it instead of watching the viewport for a while.
 */
export class CanvasMotion {
  private element: HTMLElement | null = null;
  private isOpen = false;
  private animations = 0;
  private userMoving = false;

  /** The canvas element (a ref callback). */
  attach = (element: HTMLElement | null): void => {
    this.element = element;
    this.publish();
  };

  /** The crisis has nothing to open onto, or its first viewport is applied. */
  openedAt(): void {
    this.isOpen = true;
    this.publish();
  }

  /** Whether the crisis's first viewport is applied. */
  get opened(): boolean {
    return this.isOpen;
  }

  /** An animation the app started (fit, focus, zoom): moving until it settles. */
  track(animation: Promise<unknown>): void {
    this.animations++;
    this.publish();
    const done = () => {
      this.animations--;
      this.publish();
    };
    animation.then(done, done);
  }

  /** React Flow's move events; only the user's own moves carry an event (the app's are tracked above). */
  userMove(event: unknown, moving: boolean): void {
    if (!event) return;
    this.userMoving = moving;
    this.publish();
  }

  private publish(): void {
    if (!this.element) return;
    const state = !this.isOpen ? 'opening' : this.animations > 0 || this.userMoving ? 'moving' : 'still';
    this.element.setAttribute('data-canvas-state', state);
  }
}
