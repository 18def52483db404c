/**
 * Every user command, declared once: its id and its label. The native menu sends these ids to
 * the focused window (the `command` event's schema accepts only these), the renderer's command
 * registry registers handlers under them, and the command palette lists them by label. An id
 * that is not here does not compile anywhere.
 */
import { z } from 'zod';
import { EXPORT_FORMAT_TABLE, EXPORT_FORMATS, type ExportFormat } from './formats';

export interface CommandInfo {
  /** How the palette and tooltips name it. */
  label: string;
}

const FIXED_COMMANDS = {
  'file.new': { label: 'New Scenario' },
  'file.newFromLibrary': { label: 'New from Report Library' },
  'file.open': { label: 'Open…' },
  'file.saveAs': { label: 'Save As…' },
  'file.saveCopy': { label: 'Save a Copy…' },
  'file.recoverDamaged': { label: 'Recover Damaged Scenario…' },
  'file.mergeCopy': { label: 'Merge a Copy…' },
  'file.snapshots': { label: 'Snapshots…' },
  'file.close': { label: 'Close Scenario' },
  'file.export': { label: 'Export…' },
  'file.import': { label: 'Import…' },
  'file.insertFromLibrary': { label: 'Insert Contingency from Library…' },
  'edit.undo': { label: 'Undo' },
  'edit.redo': { label: 'Redo' },
  'edit.history': { label: 'History…' },
  'edit.cut': { label: 'Cut' },
  'edit.copy': { label: 'Copy' },
  'edit.paste': { label: 'Paste' },
  'edit.duplicate': { label: 'Duplicate' },
  'edit.delete': { label: 'Delete' },
  'edit.selectAll': { label: 'Select All' },
  'edit.find': { label: 'Find' },
  'view.zoomIn': { label: 'Zoom In' },
  'view.zoomOut': { label: 'Zoom Out' },
  'view.fit': { label: 'Fit' },
  'view.toggleMinimap': { label: 'Minimap' },
  'view.toggleInspector': { label: 'Inspector' },
  'view.toggleAnalysis': { label: 'Analysis Panel' },
  'view.toggleSidebar': { label: 'Sidebar' },
  'view.commandPalette': { label: 'Command Palette…' },
  'view.nextRegion': { label: 'Next Region' },
  'view.previousRegion': { label: 'Previous Region' },
  'view.arrange': { label: 'Arrange' },
  'view.reportOnly': { label: 'Only What the Report States' },
  'view.compareSnapshot': { label: 'Compare with a Snapshot…' },
  'view.compareFile': { label: 'Compare with Another Scenario…' },
  'view.besideSnapshot': { label: 'Open a Snapshot Beside the Scenario…' },
  'view.closeBeside': { label: 'Close the Pane Beside the Scenario' },
  'view.compareMoves': { label: 'Show Moves in the Compare View' },
  'view.leaveCompare': { label: 'Leave the Compare View' },
  'view.changesBriefMarkdown': { label: 'Save the Changes as a Markdown Brief…' },
  'view.changesBriefHtml': { label: 'Save the Changes as an HTML Brief…' },
  'canvas.left': { label: 'Move left' },
  'canvas.right': { label: 'Move right' },
  'canvas.up': { label: 'Move up' },
  'canvas.down': { label: 'Move down' },
  'canvas.leftFar': { label: 'Move left 50' },
  'canvas.rightFar': { label: 'Move right 50' },
  'canvas.upFar': { label: 'Move up 50' },
  'canvas.downFar': { label: 'Move down 50' },
  'canvas.nextNode': { label: 'Next node' },
  'canvas.previousNode': { label: 'Previous node' },
  'canvas.rename': { label: 'Rename' },
  'canvas.escape': { label: 'Clear selection' },
  'analysis.centre.canvas': { label: 'Show canvas' },
  'analysis.centre.table': { label: 'Show table' },
  'analysis.centre.matrix': { label: 'Show matrix' },
  'analysis.mode.normal': { label: 'Normal view mode' },
  'analysis.mode.consensus': { label: 'Consensus view mode' },
  'analysis.mode.risk': { label: 'Risk view mode' },
  'analysis.mode.coverage': { label: 'Coverage view mode' },
  'analysis.mode.what-if': { label: 'What-if view mode' },
  'help.about': { label: 'About Scenario Workbench' },
} as const satisfies Record<string, CommandInfo>;

/** File ▸ Export ▸ <format>: opens the export dialog with that format chosen. */
export type ExportCommandId = `file.export.${ExportFormat}`;
export const exportCommandId = (format: ExportFormat): ExportCommandId => `file.export.${format}`;

export type CommandId = keyof typeof FIXED_COMMANDS | ExportCommandId;

export const COMMANDS: Readonly<Record<CommandId, CommandInfo>> = {
  ...FIXED_COMMANDS,
  ...(Object.fromEntries(EXPORT_FORMATS.map((format) => [exportCommandId(format), { label: `Export ${EXPORT_FORMAT_TABLE[format].menuLabel}` }])) as Record<
    ExportCommandId,
    CommandInfo
  >),
};

export const COMMAND_IDS = Object.keys(COMMANDS) as [CommandId, ...CommandId[]];
export const CommandId = z.enum(COMMAND_IDS);

export const isCommandId = (value: string): value is CommandId => Object.hasOwn(COMMANDS, value);
export const commandLabel = (id: CommandId): string => COMMANDS[id].label;
