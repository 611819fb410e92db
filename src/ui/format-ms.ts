/**
 * A duration that fits in a few columns: `52ms`, `1.2s`, `34s`.
 *
 * @example formatMs(1234) // '1.2s'
 */
export const formatMs = (ms: number): string => {
  const rounded = Math.round(ms);
  if (rounded < 1000) return `${rounded}ms`;
  if (rounded < 10_000) return `${(rounded / 1000).toFixed(1)}s`;
  return `${Math.round(rounded / 1000)}s`;
};
