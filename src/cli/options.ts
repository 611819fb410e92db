import { InvalidArgumentError, Option } from 'commander';
import { TRANSPORT_KINDS } from '../domain/transport.js';
import { parseFaultFlag, type FaultSpec } from '../domain/fault-spec.js';
import type { Endpoint } from '../domain/endpoints.js';
import { boundsMessage, type Bounds } from '../domain/limits.js';
import { originOf } from '../server/control-guard.js';

/** A commander argument parser for a whole number within one of the shared `LIMITS`, e.g. `integerIn(LIMITS.retries)`. */
export const integerIn =
  (bounds: Bounds) =>
  (value: string): number => {
    const number = Number(value);
    if (!/^-?\d+$/.test(value.trim()) || number < bounds.min || number > bounds.max) throw new InvalidArgumentError(boundsMessage(bounds));
    return number;
  };

/** A commander argument parser for a repeatable `--fault ENDPOINT=KIND[:PARAM]`, collecting into a map. */
export const collectFault = (value: string, previous: Partial<Record<Endpoint, FaultSpec>> = {}): Partial<Record<Endpoint, FaultSpec>> => {
  const parsed = parseFaultFlag(value);
  if (!parsed.ok) throw new InvalidArgumentError(parsed.error);
  return { ...previous, [parsed.value.endpoint]: parsed.value.fault };
};

/** A commander argument parser for an http(s) URL. */
export const httpUrl = (value: string): string => {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error();
    return url.toString().replace(/\/$/, '');
  } catch {
    throw new InvalidArgumentError('expected an http:// URL, e.g. http://127.0.0.1:3000');
  }
};

/** `--transport axios|undici`: the HTTP client every model shares (no default here: each command applies its own). */
export const transportOption = (): Option => new Option('--transport <client>', 'the HTTP client every model shares (default axios)').choices(TRANSPORT_KINDS);
/** A commander parser for a repeatable `--allow-origin`: an http(s) origin such as `http://localhost:5173`, collected into a list. */
export const collectOrigin = (value: string, previous: readonly string[] = []): string[] => {
  const origin = originOf(value);
  if (origin === undefined || origin === 'null' || new URL(value).pathname !== '/') throw new InvalidArgumentError('expected an http(s) origin without a path, e.g. http://localhost:5173');
  return [...previous, origin];
};
