import type { TerminalSize } from '../streams/dashboard-actions.js';

/** Lines of the full layout: header 2, model panels 13, footer 2. */
export const FULL_LAYOUT_ROWS = 17;
/** The full layout needs this many columns (four panels of 20). */
export const FULL_LAYOUT_COLUMNS = 80;

/** Which layout fits the terminal. */
export type Layout = 'full' | 'compact';

/**
 * The full layout when it fits with a spare line (Ink redraws the whole screen when a frame is as
 * tall as the terminal), the compact one otherwise.
 */
export const chooseLayout = (size: TerminalSize): Layout => (size.columns >= FULL_LAYOUT_COLUMNS && size.rows > FULL_LAYOUT_ROWS ? 'full' : 'compact');
