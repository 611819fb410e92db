const LEVELS = '▁▂▃▄▅▆▇█';

/**
 * The newest `width` values as a sparkline scaled from 0 to the largest of them.
 *
 * @example sparkline([1, 2, 4, 8], 10) // '▁▂▄█'
 */
export const sparkline = (values: readonly number[], width: number): string => {
  const shown = values.slice(Math.max(0, values.length - width));
  const max = Math.max(...shown, 0);
  if (max <= 0) return '▁'.repeat(shown.length);
  return shown.map((value) => LEVELS[Math.min(LEVELS.length - 1, Math.max(0, Math.ceil((value / max) * LEVELS.length) - 1))]).join('');
};
