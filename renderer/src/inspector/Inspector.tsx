/** The inspector for the selection (being built). */
export function Inspector() {
  return <aside className="inspector" data-testid="inspector" />;
}
