/** How the inspector writes: every change goes through doc.edit, and a refusal reaches the user. */
import { useCallback } from 'react';
import type { Op } from '../../../core/ops';
import { reportError, useWorkbench } from '../workbench';
import { useDocumentSlice } from './select';

export type Edit = (ops: Op[], mark?: string | null) => Promise<boolean>;

/** Resolves true when main applied the ops; false (after telling the user why) when it refused. */
export function useEdit(): Edit {
  const { doc, notify } = useWorkbench();
  return useCallback(
    async (ops: Op[], mark: string | null = null) => {
      if (ops.length === 0) return true;
      try {
        await doc.edit(ops, mark);
        return true;
      } catch (error) {
        // A file that can no longer be written can still be saved elsewhere (offerFor).
        reportError({ notify }, error);
        return false;
      }
    },
    [doc, notify],
  );
}

/** True while the open file cannot be written: every field is then disabled. */
export function useReadOnly(): boolean {
  const { doc } = useWorkbench();
  return useDocumentSlice(doc, 'read-only', (view) => view?.readOnly != null);
}

/** Marks group a burst of typing in one field into one undo step. */
export function typingMark(field: string, id: string): string {
  return `inspector:${field}:${id}`;
}
