import { contenderLabel } from '../compare/contender.js';
import type { ComparisonProgress } from '../compare/runner/run-comparison.js';
import { isTransportStep, type ScheduledStep } from '../compare/schedule.js';

const clock = (ms: number): string => {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
};

/** What a step runs: `reactive naive`, or `raw transport` for the transport alone. */
const stepLabel = (step: ScheduledStep): string => (isTransportStep(step) ? 'raw transport' : `${contenderLabel(step)} ${step.variant}`);

/**
 * One line of progress: a bar, loads done, elapsed time, ETA (from the load times measured so far) and
 * the load about to run, e.g. `[#####·····] 12/40 0:03 eta 0:07  reactive naive ×3 run 4`.
 */
export const progressLine = (progress: ComparisonProgress, barWidth = 24): string => {
  const fraction = progress.total === 0 ? 1 : progress.done / progress.total;
  const filled = Math.round(fraction * barWidth);
  const eta = progress.etaMs === undefined ? '–:––' : clock(progress.etaMs);
  const next = progress.next;
  const label = next ? `  ${stepLabel(next)} ×${next.concurrency} ${next.phase === 'warmup' ? 'warm-up' : 'run'} ${next.run + 1}` : '';
  return `[${'#'.repeat(filled)}${'·'.repeat(barWidth - filled)}] ${progress.done}/${progress.total} ${clock(progress.elapsedMs)} eta ${eta}${label}`;
};

/** Draws the progress line in place on a terminal stream, and erases it when done. */
export const progressWriter = (stream: NodeJS.WriteStream): { update(progress: ComparisonProgress): void; clear(): void } => ({
  update: (progress) => void stream.write(`\r\u001b[2K${progressLine(progress).slice(0, Math.max(20, (stream.columns ?? 80) - 1))}`),
  clear: () => void stream.write('\r\u001b[2K'),
});
