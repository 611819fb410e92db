import { InvalidArgumentError } from 'commander';
import { LIMITS, type Bounds } from '../domain/limits.js';
import { EXECUTOR_KINDS, type ExecutorKind } from '../domain/load-request.js';
import { MODEL_IDS, isModelId, type ModelId } from '../domain/models.js';

/** A commander parser for `--models callbacks,reactive` (unknown names are errors; duplicates dropped). */
export const modelList = (value: string): ModelId[] => {
  const names = value.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.find((name) => !isModelId(name));
  if (names.length === 0 || unknown !== undefined) throw new InvalidArgumentError(`${unknown === undefined ? 'no model given' : `unknown model "${unknown}"`} (expected a comma-separated list of ${MODEL_IDS.join(', ')})`);
  return [...new Set(names as ModelId[])];
};

/** A commander parser for a comma-separated list of levels: up to {@link LIMITS.levels} whole numbers within `bounds` (duplicates dropped). */
const levelList =
  (bounds: Bounds, example: string) =>
  (value: string): number[] => {
    const { levels } = LIMITS;
    const parts = value.split(',').map((part) => part.trim());
    if (parts.length > levels.max || parts.some((part) => !/^\d+$/.test(part) || Number(part) < bounds.min || Number(part) > bounds.max)) {
      throw new InvalidArgumentError(`expected a comma-separated list of at most ${levels.max} whole numbers from ${bounds.min} to ${bounds.max}, e.g. ${example}`);
    }
    return [...new Set(parts.map(Number))];
  };

/** A commander parser for `--concurrency 3,30,300`: requests per load, within {@link LIMITS.concurrency}. */
export const concurrencyList = levelList(LIMITS.concurrency, '3,30,300');

/** A commander parser for `--in-flight 10,100,1000`: requests in flight, within {@link LIMITS.inFlight}. */
export const inFlightList = levelList(LIMITS.inFlight, '10,100,1000,5000');

/** A commander parser for `--margin 5` (percent, more than 0 and at most 50); returns the fraction (0.05). */
export const marginPercent = (value: string): number => {
  const pct = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(pct > 0 && pct <= 50)) throw new InvalidArgumentError('expected a percentage above 0 and at most 50, e.g. 5');
  return pct / 100;
};

/** A commander parser for `--executors loop,threads` (unknown names are errors; duplicates dropped). */
export const executorList = (value: string): ExecutorKind[] => {
  const names = value.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.find((name) => !(EXECUTOR_KINDS as readonly string[]).includes(name));
  if (names.length === 0 || unknown !== undefined) throw new InvalidArgumentError(`${unknown === undefined ? 'no executor given' : `unknown executor "${unknown}"`} (expected a comma-separated list of ${EXECUTOR_KINDS.join(', ')})`);
  return [...new Set(names as ExecutorKind[])];
};
