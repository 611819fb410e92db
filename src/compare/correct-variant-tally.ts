import type { LossTally } from '../domain/fail-on.js';
import type { RunRecord } from './run-record.js';

/**
 * Requests lost and failed over the measured runs of the correct variants: what `compare --fail-on`
 * gates on (a naive variant loses data on purpose, so it never trips a threshold).
 */
export const correctVariantTally = (records: readonly RunRecord[]): LossTally => {
  let lost = 0;
  let failed = 0;
  for (const record of records) {
    if (record.variant !== 'correct') continue;
    lost += record.lost;
    for (const tally of Object.values(record.endpoints)) failed += tally.failed;
  }
  return { lost, failed };
};
