import padjust from '@stdlib/stats-padjust';

/**
 * Holm's step-down adjustment of p-values (@stdlib/stats-padjust), in the order given: controls the
 * chance of any false "different" across all of them at the nominal level, without assuming independence.
 */
export const holmAdjust = (pValues: readonly number[]): number[] => (pValues.length === 0 ? [] : Array.from(padjust([...pValues], 'holm') as ArrayLike<number>));
