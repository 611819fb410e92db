/** Erases the whole screen and puts the cursor home (the scrollback is kept). */
export const CLEAR_SCREEN = '\u001b[2J\u001b[H';

/**
 * Makes a terminal that gets narrower start from a blank screen. When a terminal narrows, it rewraps
 * the old frame's lines, so the frame takes more lines than Ink erases and pieces of it stay on screen
 * (160×45 → 80×24). Ink redraws the whole frame after a narrowing anyway; this runs just before it
 * (prepended) and blanks the screen first. Returns the function that stops it.
 */
export const clearScreenOnShrink = (stdout: NodeJS.WriteStream): (() => void) => {
  let columns = stdout.columns;
  const onResize = (): void => {
    if (stdout.columns < columns) stdout.write(CLEAR_SCREEN);
    columns = stdout.columns;
  };
  stdout.prependListener('resize', onResize);
  return () => void stdout.off('resize', onResize);
};
