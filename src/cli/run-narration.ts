import { endpointPath } from '../domain/endpoints.js';
import type { ArenaEvent, FailureEvent } from '../domain/events.js';
import type { Variant } from '../domain/models.js';
import type { RunTotals } from './run-tally.js';
import { sanitizeText } from '../domain/sanitize-text.js';

const ms = (value: number): string => `${Math.round(value)} ms`;
const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** How the narration names requests: `#requestId` when an endpoint has several, and the target's path prefix. */
export interface NarrationStyle {
  /** Adds `#requestId` after the path (for loads of more than one request per endpoint). */
  readonly withIds: boolean;
  /** The target URL's path, e.g. `/v1` for `--target http://host:8080/v1` ('' for none). */
  readonly pathPrefix: string;
}

/** Requests without data, told apart: lost (the response arrived, the model dropped it) or never answered. */
const failureText = (event: FailureEvent, arrivedAt: number | undefined, pathPrefix: string): string => {
  // A naive variant's message names the request whose failure made it give up: narrate its real path.
  const message = sanitizeText(event.message).replace(/^discarded because \/api\//, `discarded because ${pathPrefix}/api/`);
  if (arrivedAt !== undefined) return `LOST: arrived at ${ms(arrivedAt)}, then dropped by the model — ${message}`;
  return event.reason === 'discarded' ? `never answered — ${message}` : message;
};

/**
 * One line of `async-arena run`'s narration for an event, or undefined for events it does not narrate
 * (`arrived`, `done`). Lines start with the time since the load started. `arrivedAt` is when the
 * request's response arrived, if it did: a failure after an arrival is data the model lost. Server-provided
 * text is stripped of control characters.
 *
 * @example narrationLine({ type: 'success', endpoint: 'productos', latencyMs: 123, items: 20, at: 124, … }, { withIds: false, pathPrefix: '' })
 * // '  124 ms  ✓ /api/productos 123 ms, 20 items'
 */
export const narrationLine = (event: ArenaEvent, { withIds, pathPrefix }: NarrationStyle, arrivedAt?: number): string | undefined => {
  if (event.type === 'arrived' || event.type === 'done') return undefined;
  const time = ms(event.at).padStart(9);
  const path = `${pathPrefix}${endpointPath(event.endpoint)}${withIds ? ` #${event.requestId}` : ''}`;
  switch (event.type) {
    case 'start':
      return `${time}  → GET ${path}${event.attempt > 1 ? ` (attempt ${event.attempt})` : ''}`;
    case 'success':
      return `${time}  ✓ ${path} ${ms(event.latencyMs)}, ${plural(event.items, 'item')}`;
    case 'failure':
      return `${time}  ✗ ${path} ${failureText(event, arrivedAt, pathPrefix)}`;
    case 'retry':
      return `${time}  ↻ ${path} attempt ${event.attempt} failed (${event.reason}), retry in ${ms(event.delayMs)}`;
  }
};

/**
 * The closing line of `async-arena run`, e.g.
 * `callbacks (correct): delivered 2/3, failed 1, lost 0, 512 ms total`.
 */
export const summaryLine = (summary: RunTotals, variant: Variant): string =>
  `${summary.model} (${variant}): delivered ${summary.delivered}/${summary.requests}, failed ${summary.failed}, ` +
  `lost ${summary.lost}${summary.lost > 0 ? ' (answered, then dropped by the model)' : ''}, ${ms(summary.totalMs)} total`;

/** The first line of a naive run: it loses data on purpose, and says how. */
export const naiveLine = (naiveMistake: string): string => `naive variant — ${sanitizeText(naiveMistake)}`;

/**
 * Narration written as events arrive, or held (while `hold`) until {@link release}: `run --target`
 * holds it until the target has answered, so an unreachable target ends with one line instead of a
 * screenful of refusals.
 */
export const heldNarration = (write: (line: string) => void, style: NarrationStyle, hold: boolean) => {
  let held: string[] | undefined = hold ? [] : undefined;
  const arrivals = new Map<number, number>();
  const release = (): void => {
    held?.forEach(write);
    held = undefined;
  };
  return {
    narrate: (event: ArenaEvent): void => {
      if (event.type === 'arrived') arrivals.set(event.requestId, event.at);
      const line = narrationLine(event, style, event.type === 'done' ? undefined : arrivals.get(event.requestId));
      if (line === undefined) return;
      if (held) held.push(line);
      else write(line);
    },
    /** Writes the lines held so far, and every later line at once. */
    release,
  };
};
