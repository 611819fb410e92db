/** Options of {@link gather}. */
export interface GatherOptions {
  /** Return each failure as a value in its slot instead of rejecting at the first one (default false). */
  readonly returnExceptions?: boolean;
}

const asError = (reason: unknown): Error => (reason instanceof Error ? reason : new Error(String(reason), { cause: reason }));

/**
 * Waits for every awaitable and returns their results in order, after Python's `asyncio.gather`.
 *
 * With `returnExceptions: true` a failure is a value: an `Error` in its slot, and every other result
 * is still there. That is the platform's `Promise.allSettled`, each settlement unwrapped into its value
 * or its error. Without it, gather is `Promise.all`: it rejects with the first failure and the other
 * results are thrown away.
 *
 * @example
 * const [productos, perfil] = await gather([get('productos'), get('perfil')], { returnExceptions: true });
 * if (productos instanceof Error) showError(productos);
 */
export function gather<T>(awaitables: Iterable<T | PromiseLike<T>>, options: GatherOptions & { readonly returnExceptions: true }): Promise<(T | Error)[]>;
export function gather<T>(awaitables: Iterable<T | PromiseLike<T>>, options?: GatherOptions & { readonly returnExceptions?: false }): Promise<T[]>;
export async function gather<T>(awaitables: Iterable<T | PromiseLike<T>>, { returnExceptions = false }: GatherOptions = {}): Promise<(T | Error)[]> {
  if (!returnExceptions) return Promise.all(awaitables);
  const settled = await Promise.allSettled(awaitables);
  return settled.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value : asError(outcome.reason)));
}
