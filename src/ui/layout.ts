import type { TerminalSize } from '../streams/dashboard-actions.js';

/** Lines of the full layout: header 2, model panels 13, footer 2. */
export const FULL_LAYOUT_ROWS = 17;
/** The full layout needs this many columns (four panels of 20). */
export const FULL_LAYOUT_COLUMNS = 80;
/** Columns of one panel in the full layout, at least: more panels (threads beside loop) need a wider terminal. */
export const PANEL_MIN_COLUMNS = 20;

/** Which layout fits the terminal. */
export type Layout = 'full' | 'compact';

/**
 * The full layout when it fits with a spare line (Ink redraws the whole screen when a frame is as
 * tall as the terminal) and `panels` panels get {@link PANEL_MIN_COLUMNS} each, the compact one otherwise.
 */
export const chooseLayout = (size: TerminalSize, panels = 4): Layout =>
  size.columns >= Math.max(FULL_LAYOUT_COLUMNS, panels * PANEL_MIN_COLUMNS) && size.rows > FULL_LAYOUT_ROWS ? 'full' : 'compact';
