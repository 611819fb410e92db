/** The keymap in one line, for the footer (`?` shows the full help). */
export const FOOTER_KEYS = '1-3 endpoint · t e x m s l fault · o/0 clear · c case · n naive · r run · a auto · ? help · q quit';
