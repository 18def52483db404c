/**
 * F6 and Shift+F6 move focus between the window's regions (toolbar, sidebar, centre, inspector,
 * analysis panel, and the pane beside the live scenario when one is open), as desktop apps do;
 * each region is marked with data-region in the workspace.
 */
import { useEffect } from 'react';
import type { Workbench } from '../workspace-context';

export const FOCUSABLE = 'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex="0"]';

export function focusRegion(step: 1 | -1): void {
  const regions = [...document.querySelectorAll<HTMLElement>('[data-region]')];
  if (regions.length === 0) return;
  // The innermost region holding focus (the pane beside the live scenario sits in the centre).
  let current = -1;
  regions.forEach((r, index) => {
    if (r.contains(document.activeElement)) current = index;
  });
  const next = regions[(current + step + regions.length) % regions.length]!;
  // The centre's own surface first (the canvas, the table or the matrix), else its first control.
  const target = next.querySelector<HTMLElement>('.react-flow[tabindex="0"]') ?? next.querySelector<HTMLElement>(FOCUSABLE);
  if (target) target.focus();
  else {
    next.tabIndex = -1;
    next.focus();
  }
}

export function useRegionCommands(workbench: Workbench): void {
  useEffect(() => {
    const offs = [
      workbench.commands.register({ id: 'view.nextRegion', keys: ['F6'], inTextFields: true, run: () => focusRegion(1) }),
      workbench.commands.register({ id: 'view.previousRegion', keys: ['Shift+F6'], inTextFields: true, run: () => focusRegion(-1) }),
    ];
    return () => offs.forEach((off) => off());
  }, [workbench]);
}
