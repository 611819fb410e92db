import { buildProductView } from '../../domain/cpu-work.js';

/** A sample payload for calibration: the shape of a page of products. */
const SAMPLE = Array.from({ length: 20 }, (_, id) => ({ id, nombre: `Producto ecológico ${id}`, precio: 3.5 + id }));
/** Units per timed batch, and batches timed: the fastest batch is the one the machine did not interrupt. */
const BATCH_UNITS = 200;
const BATCHES = 15;

let unitsPerMs: number | undefined;

/**
 * Units of {@link buildProductView} one thread does per ms of CPU, measured once and then cached. Wall
 * time is all Node 20 can time per thread, and on a loaded machine a batch can be descheduled midway, so
 * the figure comes from the fastest of {@link BATCHES} short batches (a few ms in all).
 */
export const measuredUnitsPerMs = (): number => {
  if (unitsPerMs !== undefined) return unitsPerMs;
  buildProductView(SAMPLE, BATCH_UNITS * 2); // warm up the JIT
  let fastestMs = Number.POSITIVE_INFINITY;
  for (let batch = 0; batch < BATCHES; batch += 1) {
    const started = performance.now();
    buildProductView(SAMPLE, BATCH_UNITS);
    fastestMs = Math.min(fastestMs, performance.now() - started);
  }
  unitsPerMs = BATCH_UNITS / Math.max(fastestMs, 0.001);
  return unitsPerMs;
};

/**
 * The units of work that take `workMs` of CPU on this machine (0 for none). Work is counted in units, not
 * timed, so a thread that has to share a core takes longer over the same work instead of doing less:
 * measure once and hand the same count to the event loop and to every worker.
 */
export const unitsForMs = (workMs: number): number => (workMs > 0 ? Math.max(1, Math.round(workMs * measuredUnitsPerMs())) : 0);
