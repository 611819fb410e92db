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

/** A commander parser for `--in-flight 10,100,1000`: whole numbers from 1 to 50 000. */
export const inFlightList = (value: string): number[] => {
  const parts = value.split(',').map((part) => part.trim());
  if (parts.some((part) => !/^\d+$/.test(part) || Number(part) < 1 || Number(part) > 50_000)) {
    throw new InvalidArgumentError('expected a comma-separated list of whole numbers from 1 to 50000, e.g. 10,100,1000,5000');
  }
  return [...new Set(parts.map(Number))];
};

/** A commander parser for `--margin 5` (percent, more than 0 and at most 50); returns the fraction (0.05). */
export const marginPercent = (value: string): number => {
  const pct = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(pct > 0 && pct <= 50)) throw new InvalidArgumentError('expected a percentage above 0 and at most 50, e.g. 5');
  return pct / 100;
};
