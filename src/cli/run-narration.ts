import { endpointPath } from '../domain/endpoints.js';
import type { ArenaEvent } from '../domain/events.js';
import type { Variant } from '../domain/models.js';
import type { LoadSummary } from '../domain/outcomes.js';
import { sanitizeText } from '../domain/sanitize-text.js';

const ms = (value: number): string => `${Math.round(value)} ms`;
const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

/**
 * One line of `async-arena run`'s narration for an event, or undefined for events it does not narrate
 * (`arrived`, `done`). Lines start with the time since the load started; `withIds` adds `#requestId`
 * (for loads of more than one request per endpoint). Server-provided text is stripped of control characters.
 *
 * @example narrationLine({ type: 'success', endpoint: 'productos', latencyMs: 123, items: 20, at: 124, … }, false)
 * // '  124 ms  ✓ /api/productos 123 ms, 20 items'
 */
export const narrationLine = (event: ArenaEvent, withIds: boolean): string | undefined => {
  if (event.type === 'arrived' || event.type === 'done') return undefined;
  const time = ms(event.at).padStart(9);
  const path = `${endpointPath(event.endpoint)}${withIds ? ` #${event.requestId}` : ''}`;
  switch (event.type) {
    case 'start':
      return `${time}  → GET ${path}${event.attempt > 1 ? ` (attempt ${event.attempt})` : ''}`;
    case 'success':
      return `${time}  ✓ ${path} ${ms(event.latencyMs)}, ${plural(event.items, 'item')}`;
    case 'failure':
      return `${time}  ✗ ${path} ${sanitizeText(event.message)}`;
    case 'retry':
      return `${time}  ↻ ${path} attempt ${event.attempt} failed (${event.reason}), retry in ${ms(event.delayMs)}`;
  }
};

/**
 * The closing line of `async-arena run`, e.g.
 * `callbacks (correct): delivered 2/3, failed 1, lost 0, 512 ms total`.
 */
export const summaryLine = (summary: LoadSummary, variant: Variant): string =>
  `${summary.model} (${variant}): delivered ${summary.delivered}/${summary.requests.length}, failed ${summary.failed}, ` +
  `lost ${summary.lost}${summary.lost > 0 ? ' (answered, then dropped by the model)' : ''}, ${ms(summary.totalMs)} total`;

/** The first line of a naive run: it loses data on purpose, and says how. */
export const naiveLine = (naiveMistake: string): string => `naive variant — ${sanitizeText(naiveMistake)}`;

/**
 * Narration written as events arrive, or held (while `hold`) until {@link release}: `run --target`
 * holds it until the target has answered, so an unreachable target ends with one line instead of a
 * screenful of refusals.
 */
export const heldNarration = (write: (line: string) => void, withIds: boolean, hold: boolean) => {
  let held: string[] | undefined = hold ? [] : undefined;
  const release = (): void => {
    held?.forEach(write);
    held = undefined;
  };
  return {
    narrate: (event: ArenaEvent): void => {
      const line = narrationLine(event, withIds);
      if (line === undefined) return;
      if (held) held.push(line);
      else write(line);
    },
    /** Writes the lines held so far, and every later line at once. */
    release,
  };
};
