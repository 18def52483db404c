/** A small context menu at a screen position; items run commands or local actions. */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';

const WINDOW_ROOM = 4;

export interface MenuItem {
  label: string;
  testId?: string;
  disabled?: boolean;
  run: () => void;
}

export interface MenuRequest {
  x: number;
  y: number;
  items: (MenuItem | 'separator')[];
}

export function ContextMenu({ menu, onClose }: { menu: MenuRequest; onClose: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  // Opened by the window's right or bottom edge, the menu opens leftwards or upwards instead of
  // running out of the window (a right-click low on the canvas hid every item below the edge).
  const [at, setAt] = useState({ left: menu.x, top: menu.y });
  useLayoutEffect(() => {
    const box = ref.current?.getBoundingClientRect();
    if (!box) return;
    const fits = (start: number, size: number, room: number) => start + size <= room - WINDOW_ROOM;
    setAt({
      left: Math.max(WINDOW_ROOM, fits(menu.x, box.width, window.innerWidth) ? menu.x : menu.x - box.width),
      top: Math.max(WINDOW_ROOM, fits(menu.y, box.height, window.innerHeight) ? menu.y : menu.y - box.height),
    });
  }, [menu.x, menu.y, menu.items.length]);
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent && event.key !== 'Escape') return;
      if (event instanceof MouseEvent && ref.current?.contains(event.target as Node)) return;
      onClose();
    };
    window.addEventListener('mousedown', close, true);
    window.addEventListener('keydown', close, true);
    window.addEventListener('blur', onClose);
    return () => {
      window.removeEventListener('mousedown', close, true);
      window.removeEventListener('keydown', close, true);
      window.removeEventListener('blur', onClose);
    };
  }, [onClose]);
  return (
    <div
      ref={ref}
      className="context-menu"
      role="menu"
      style={at}
      data-testid="context-menu"
      onKeyDown={(event) => {
        // Arrows, Home and End move between the items, as in any menu.
        const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
        const at = items.indexOf(document.activeElement as HTMLButtonElement);
        const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[event.key];
        if (next === undefined || items.length === 0) return;
        event.preventDefault();
        items[(next + items.length) % items.length]!.focus();
      }}
    >
      {menu.items.map((item, i) =>
        item === 'separator' ? (
          <hr key={`sep-${i}`} />
        ) : (
          <button
            key={item.label}
            role="menuitem"
            data-testid={item.testId}
            disabled={item.disabled}
            onClick={() => {
              onClose();
              item.run();
            }}
          >
            {item.label}
          </button>
        ),
      )}
    </div>
  );
}
