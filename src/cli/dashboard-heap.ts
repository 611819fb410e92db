import { setFlagsFromString } from 'node:v8';

/**
 * The dashboard's heap setting: V8's own growth step, undoing the CLI's 25% (bin/async-arena.js).
 * The 25% cap keeps `compare` and `run` near 100 MB of heap at scale, at the price of a full
 * collection each time the live heap grows by a quarter. A dashboard round at scale grows it by
 * hundreds of MB in a second (each lesson queues its requests up front), and those collections
 * landed on the frames and on a pressed `q`: alternating trials gave `q` 0.88–0.94 s against
 * 1.0–1.13 s at `--concurrency 100000 --max-in-flight 4984`, for a peak RSS of 525 against 382 MB.
 */
export const DASHBOARD_HEAP_FLAG = '--heap-growing-percent=0';

/** Applies {@link DASHBOARD_HEAP_FLAG} to this process (V8 reads it at each collection). */
export const useDashboardHeap = (): void => setFlagsFromString(DASHBOARD_HEAP_FLAG);
