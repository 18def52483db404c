/** The "whole file" switch of the centre views (the crisis on screen otherwise). */
export function ScopeToggle({ wholeFile, onChange, testId }: { wholeFile: boolean; onChange(wholeFile: boolean): void; testId: string }) {
  return (
    <label className="scope-toggle">
      <input type="checkbox" checked={wholeFile} data-testid={testId} onChange={(e) => onChange(e.target.checked)} /> Whole file
    </label>
  );
}
