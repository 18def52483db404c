/**
 * A panel's resize handle, as the WAI-ARIA window splitter: a focusable separator that drags
 * with the pointer and moves with the arrow keys (Home and End to the limits).
 */
import type { KeyboardEvent, PointerEvent } from 'react';

interface Props {
  label: string;
  /** Which way the handle moves: a vertical bar resizes widths. */
  orientation: 'vertical' | 'horizontal';
  value: number;
  min: number;
  max: number;
  /** +1 when moving right/down grows the panel, -1 when it shrinks it. */
  direction: 1 | -1;
  onChange: (value: number) => void;
  testId: string;
  className: string;
}

const STEP = 16;

export function Splitter({ label, orientation, value, min, max, direction, onChange, testId, className }: Props) {
  const clamp = (v: number) => Math.round(Math.max(min, Math.min(max, v)));
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    const start = orientation === 'vertical' ? event.clientX : event.clientY;
    const from = value;
    const target = event.currentTarget;
    target.setPointerCapture(event.pointerId);
    const move = (e: globalThis.PointerEvent) => onChange(clamp(from + direction * ((orientation === 'vertical' ? e.clientX : e.clientY) - start)));
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
      target.removeEventListener('pointercancel', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
    target.addEventListener('pointercancel', up);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const grow: Record<string, number> = orientation === 'vertical' ? { ArrowRight: direction, ArrowLeft: -direction } : { ArrowDown: direction, ArrowUp: -direction };
    const step = grow[event.key];
    if (step !== undefined) onChange(clamp(value + step * STEP));
    else if (event.key === 'Home') onChange(min);
    else if (event.key === 'End') onChange(max);
    else return;
    event.preventDefault();
  };
  return (
    <div
      role="separator"
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      className={`splitter splitter-${orientation} ${className}`}
      data-testid={testId}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
