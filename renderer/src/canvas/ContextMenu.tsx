/** A small context menu at a screen position; items run commands or local actions. */
import { useEffect, useRef } from 'react';

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
    <div ref={ref} className="context-menu" role="menu" style={{ left: menu.x, top: menu.y }} data-testid="context-menu">
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
