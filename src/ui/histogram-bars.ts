const LEVELS = '▁▂▃▄▅▆▇█';

/**
 * Counts as one line of bars scaled to the largest; an empty bin stays blank, so gaps show.
 *
 * @example histogramBars([0, 2, 8, 1]) // ' ▂█▁'
 */
export const histogramBars = (counts: readonly number[]): string => {
  const max = Math.max(...counts, 0);
  return counts.map((count) => (count <= 0 || max <= 0 ? ' ' : LEVELS[Math.min(LEVELS.length - 1, Math.max(0, Math.ceil((count / max) * LEVELS.length) - 1))])).join('');
};
