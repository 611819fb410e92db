import { asyncScheduler, throttleTime, type MonoTypeOperatorFunction, type SchedulerLike } from 'rxjs';

/** Default frame period: at most 20 frames per second (keys still show at once: the first change after a quiet period passes immediately). */
export const FRAME_MS = 50;

/**
 * Lets at most one value through per `periodMs`: the first at once (so a key press shows
 * immediately when the dashboard is quiet) and the latest at the end of each busy period
 * (so the final state is never dropped).
 *
 * @example state$.pipe(frameThrottle(40)) // what reaches Ink
 */
export const frameThrottle = <T>(periodMs = FRAME_MS, scheduler: SchedulerLike = asyncScheduler): MonoTypeOperatorFunction<T> =>
  throttleTime(periodMs, scheduler, { leading: true, trailing: true });
