/** The keymap in one line, for the footer (`?` shows the full help). */
export const FOOTER_KEYS = '1-3 endpoint · t e x m s l fault · o/0 clear · c case · n naive · r run · a auto · ? help · q quit';

/** The footer's keys on a target without a control API: no fault keys. */
export const READ_ONLY_FOOTER_KEYS = 'n naive · r run · a auto · ? help · q quit';

/** Why the fault keys and the fault line are gone (footer, both layouts). */
export const READ_ONLY_REASON = 'read-only: the target has no control API, so no fault keys';
