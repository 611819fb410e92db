import { setFlagsFromString } from 'node:v8';

/**
 * The dashboard's heap setting: V8's own growth step, undoing the CLI's 25% (bin/async-arena.js).
 * The 25% cap keeps `compare` and `run` near 100 MB of heap at scale, at the price of a full
 * collection each time the live heap grows by a quarter. A dashboard round at scale grows it by
 * hundreds of MB in a second (each lesson queues its requests up front), and those collections
 * landed on the frames and on a pressed `q`. The price is a higher peak RSS at the largest settings
 * (the commit has the alternating trials).
 */
export const DASHBOARD_HEAP_FLAG = '--heap-growing-percent=0';

/** Applies {@link DASHBOARD_HEAP_FLAG} to this process (V8 reads it at each collection). */
export const useDashboardHeap = (): void => setFlagsFromString(DASHBOARD_HEAP_FLAG);
