/** How the inspector's fields write: every change goes through doc.edit (a refusal reaches the user), no field writes to a read-only file, and typing in one field is one undo step. */
import { useWorkbench } from '../workspace-context';
import { useDocumentSlice } from './select';

/** The shared write path (workspace-context.tsx), under the name the inspector's panels import. */
export { useEdit, type Edit } from '../workspace-context';

/** True while the open file cannot be written: every field is then disabled. */
export function useReadOnly(): boolean {
  const { doc } = useWorkbench();
  return useDocumentSlice(doc, 'read-only', (view) => view?.readOnly != null);
}

/** Marks group a burst of typing in one field into one undo step. */
export function typingMark(field: string, id: string): string {
  return `inspector:${field}:${id}`;
}
