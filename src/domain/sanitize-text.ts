// eslint-disable-next-line no-control-regex
const ANSI_SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b[@-_]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Makes text from outside (server messages, URLs) safe to put on the screen: escape sequences are
 * removed and every other control character (newlines included) becomes a space.
 *
 * @example sanitizeText('bad\u001b[2Jthing\n') // 'badthing '
 */
export const sanitizeText = (text: string): string => text.replace(ANSI_SEQUENCE, '').replace(CONTROL, ' ');
