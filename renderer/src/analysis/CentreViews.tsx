/** The centre-pane views and controls the workspace places: table, consensus matrix, legend and view switcher. */
export { ElementTable } from './ElementTable';
export { ConsensusMatrix } from './ConsensusMatrix';
export { ViewLegend, ViewModeSwitcher } from './ViewControls';
