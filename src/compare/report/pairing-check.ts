import type { RunRecord } from '../run-record.js';
import type { CompareReport } from './report-schema.js';

/**
 * The pairing checked, per level: of the repetitions measured, how many had every contender meet
 * the same server plan (all their runs carry one `serverPlan` digest, none null). The digests are
 * what shows the pairing held; a repetition whose digests differ met different delays or faults.
 */
export const pairingCheck = (concurrency: readonly number[], records: readonly RunRecord[]): CompareReport['pairingCheck'] =>
  concurrency.map((level) => {
    const byRepetition = new Map<number, (string | null)[]>();
    for (const r of records) if (r.concurrency === level) byRepetition.set(r.repetition, [...(byRepetition.get(r.repetition) ?? []), r.serverPlan]);
    const digests = [...byRepetition.values()];
    return { concurrency: level, repetitions: digests.length, matching: digests.filter((d) => d[0] != null && d.every((x) => x === d[0])).length };
  });

/** The pairing line of a report's header: how many repetitions per level have matching server digests. */
export const pairingText = (report: Pick<CompareReport, 'pairing' | 'pairingCheck' | 'inFlight' | 'concurrency'>): string => {
  if (report.pairing !== 'server-plan') return 'paired by repetition order only: the target cannot seed its server plan, so contenders of a repetition may have met different delays';
  const levels = report.pairingCheck.map((c) => `${c.matching}/${c.repetitions} at ${c.concurrency} requests`).join(', ');
  const all = report.pairingCheck.every((c) => c.matching === c.repetitions);
  return `paired per repetition on a seeded server plan and client seed; repetitions with matching server-plan digests: ${levels || 'none measured'}${all ? '' : ' — the others met different delays or faults, so their pairs are weaker'}`;
};
