/**
 * Undo stopping points, as tldraw marks them: where a gesture starts (any press of a pointer)
 * and where the user leaves a text field. Edits under one mark between two stopping points are
 * one undo step; nothing is grouped by time.
 */
import { isTextField } from '../commands/keyboard';

export function installHistoryStops(doc: { stop(): void }): () => void {
  const onPointerDown = () => {
    // While a field has focus, the stop is its focusout, after it has committed what was typed
    // (a press elsewhere in the field only moves the caret). Otherwise the stop is now, in the
    // capture phase, before anything this gesture does.
    if (isTextField(document.activeElement)) return;
    doc.stop();
  };
  const onFocusOut = (event: FocusEvent) => {
    if (event.target instanceof Element && isTextField(event.target)) doc.stop();
  };
  document.addEventListener('pointerdown', onPointerDown, true);
  document.addEventListener('focusout', onFocusOut);
  return () => {
    document.removeEventListener('pointerdown', onPointerDown, true);
    document.removeEventListener('focusout', onFocusOut);
  };
}
