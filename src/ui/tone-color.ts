import type { Tone } from './row-text.js';

/** The Ink color of each tone. */
export const TONE_COLOR: Readonly<Record<Tone, string>> = {
  ok: 'green',
  failed: 'red',
  lost: 'magenta',
  busy: 'yellow',
  idle: 'gray',
};
