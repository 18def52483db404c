/** The table and consensus-matrix views of the centre pane (being built). */
export function ElementTable() {
  return <div className="element-table" data-testid="element-table" />;
}
export function ConsensusMatrix() {
  return <div className="consensus-matrix" data-testid="consensus-matrix" />;
}
export function ViewLegend() {
  return null;
}
