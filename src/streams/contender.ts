import type { Contender } from '../domain/contender.js';

/** A short, unique label for narrow layouts, e.g. `futures` or `futures·thr`. */
export const narrowLabel = ({ model, executor }: Contender): string => (executor === 'threads' ? `${model}·thr` : model);
