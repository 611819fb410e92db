import { InvalidArgumentError } from 'commander';
import { LIMITS } from '../domain/limits.js';
import { MODEL_IDS, isModelId, type ModelId } from '../domain/models.js';

/** A commander parser for `--models callbacks,reactive` (unknown names are errors; duplicates dropped). */
export const modelList = (value: string): ModelId[] => {
  const names = value.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.find((name) => !isModelId(name));
  if (names.length === 0 || unknown !== undefined) throw new InvalidArgumentError(`${unknown === undefined ? 'no model given' : `unknown model "${unknown}"`} (expected a comma-separated list of ${MODEL_IDS.join(', ')})`);
  return [...new Set(names as ModelId[])];
};

/** A commander parser for `--concurrency 3,30,300`: up to {@link LIMITS.levels} whole numbers within {@link LIMITS.concurrency}. */
export const concurrencyList = (value: string): number[] => {
  const { concurrency, levels } = LIMITS;
  const parts = value.split(',').map((part) => part.trim());
  if (parts.length > levels.max || parts.some((part) => !/^\d+$/.test(part) || Number(part) < concurrency.min || Number(part) > concurrency.max)) {
    throw new InvalidArgumentError(`expected a comma-separated list of at most ${levels.max} whole numbers from ${concurrency.min} to ${concurrency.max}, e.g. 3,30,300`);
  }
  return [...new Set(parts.map(Number))];
};
