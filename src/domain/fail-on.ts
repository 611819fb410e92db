/** What `--fail-on` can gate on: data a model lost (arrived, then dropped), or requests that failed. */
export const FAIL_ON_KINDS = ['lost', 'failed'] as const;

/** One `--fail-on` threshold. */
export type FailOnKind = (typeof FAIL_ON_KINDS)[number];

/** True when `value` names a `--fail-on` threshold. */
export const isFailOnKind = (value: string): value is FailOnKind => (FAIL_ON_KINDS as readonly string[]).includes(value);

/** Requests lost and failed, summed over what a threshold looks at. */
export interface LossTally {
  readonly lost: number;
  readonly failed: number;
}

/**
 * The thresholds crossed: each gate whose count is above zero, as a phrase for the one-line message.
 *
 * @example crossedThresholds(['lost', 'failed'], { lost: 2, failed: 0 }) // ['2 requests lost']
 */
export const crossedThresholds = (gates: readonly FailOnKind[], tally: LossTally): string[] =>
  gates.filter((gate) => tally[gate] > 0).map((gate) => `${tally[gate]} ${tally[gate] === 1 ? 'request' : 'requests'} ${gate}`);
