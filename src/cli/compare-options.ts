import { InvalidArgumentError } from 'commander';
import { MODEL_IDS, isModelId, type ModelId } from '../domain/models.js';

/** A commander parser for `--models callbacks,reactive` (unknown names are errors; duplicates dropped). */
export const modelList = (value: string): ModelId[] => {
  const names = value.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.find((name) => !isModelId(name));
  if (names.length === 0 || unknown !== undefined) throw new InvalidArgumentError(`${unknown === undefined ? 'no model given' : `unknown model "${unknown}"`} (expected a comma-separated list of ${MODEL_IDS.join(', ')})`);
  return [...new Set(names as ModelId[])];
};

/** A commander parser for `--concurrency 3,30,300`: whole numbers from 1 to 100 000. */
export const concurrencyList = (value: string): number[] => {
  const parts = value.split(',').map((part) => part.trim());
  if (parts.some((part) => !/^\d+$/.test(part) || Number(part) < 1 || Number(part) > 100_000)) {
    throw new InvalidArgumentError('expected a comma-separated list of whole numbers from 1 to 100000, e.g. 3,30,300');
  }
  return [...new Set(parts.map(Number))];
};
