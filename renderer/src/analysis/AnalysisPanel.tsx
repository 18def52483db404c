/** The analysis panel (being built). */
export function AnalysisPanel() {
  return <section className="analysis-panel" data-testid="analysis-panel" />;
}
