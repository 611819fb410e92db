import { asyncScheduler, throttleTime, type MonoTypeOperatorFunction, type SchedulerLike } from 'rxjs';
import { ENDPOINTS } from '../domain/endpoints.js';

/** Default frame period: at most 20 frames per second (keys still show at once: the first change after a quiet period passes immediately). */
export const FRAME_MS = 50;

/**
 * Frame period when rounds run at scale (more than one request per endpoint): at most 10 frames per
 * second. A frame of four stat panels costs the event loop ~8 ms (Ink's layout and output), which it
 * shares with thousands of responses; the fewer frames land on a burst, the lower the event loop's
 * p99 (`npm run bench:dashboard`; the commit has the trials). Rates and histograms read as well at
 * 10 (oha draws 16).
 */
export const SCALE_FRAME_MS = 100;

/** The frame period for rounds of `requests` per model: {@link SCALE_FRAME_MS} at scale, else {@link FRAME_MS}. */
export const frameMsFor = (requests: number): number => (requests > ENDPOINTS.length ? SCALE_FRAME_MS : FRAME_MS);

/**
 * Lets at most one value through per `periodMs`: the first at once (so a key press shows
 * immediately when the dashboard is quiet) and the latest at the end of each busy period
 * (so the final state is never dropped).
 *
 * @example state$.pipe(frameThrottle(40)) // what reaches Ink
 */
export const frameThrottle = <T>(periodMs = FRAME_MS, scheduler: SchedulerLike = asyncScheduler): MonoTypeOperatorFunction<T> =>
  throttleTime(periodMs, scheduler, { leading: true, trailing: true });
