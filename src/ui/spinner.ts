const FRAMES = '⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏';

/** The spinner character for a moment in time (one frame per 100 ms), so spinners need no timer of their own. */
export const spinnerFrame = (ms: number): string => FRAMES[Math.floor(Math.max(0, ms) / 100) % FRAMES.length] ?? '·';
