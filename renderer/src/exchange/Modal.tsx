/**
 * The modal frame the exchange dialogs share: role=dialog with aria-modal, labelled by its
 * heading, Escape to close, Tab kept inside, and focus handed back to where it came from.
 * Key presses stop here, so the workspace's shortcuts (Delete, Mod+Z…) never act behind it.
 */
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

const FOCUSABLE = 'button:not(:disabled), select:not(:disabled), input:not(:disabled), textarea:not(:disabled), [href], [tabindex]:not([tabindex="-1"])';

interface ModalProps {
  title: string;
  testId: string;
  /** While busy, Escape and clicks outside do not close: the call is still running. */
  busy?: boolean;
  onClose(): void;
  children: ReactNode;
}

export function Modal({ title, testId, busy = false, onClose, children }: ModalProps) {
  const frame = useRef<HTMLDivElement>(null);
  const titleId = useId();

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = frame.current?.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? frame.current)?.focus();
    return () => {
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  // A button that becomes disabled while busy, or content swapped for the result, drops focus
  // to the body, where Escape and Tab would no longer reach the dialog: take it back.
  useEffect(() => {
    const el = frame.current;
    if (!el || el.contains(document.activeElement)) return;
    (el.querySelector<HTMLElement>(FOCUSABLE) ?? el).focus();
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      if (!busy) onClose();
      return;
    }
    if (event.key !== 'Tab' || !frame.current) return;
    const items = [...frame.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (items.length === 0) {
      event.preventDefault();
      return;
    }
    const first = items[0]!;
    const last = items[items.length - 1]!;
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === frame.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div
      className="exchange-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget && !busy) onClose();
      }}
    >
      <div
        ref={frame}
        className="exchange-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-busy={busy}
        tabIndex={-1}
        data-testid={testId}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
  );
}
