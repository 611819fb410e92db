/** A task for {@link gather}: started only when a worker picks it up. */
export type Task<T> = () => Promise<T>;

/** Options of {@link gather}. */
export interface GatherOptions {
  /** Return each failure as a value in its slot instead of rejecting at the first one (default false). */
  readonly returnExceptions?: boolean;
  /** At most this many tasks run at once (default: all of them). */
  readonly limit?: number;
}

/**
 * Runs tasks and collects their results in task order, after Python's `asyncio.gather`, with a small
 * pool of `limit` async workers that each take the next task when their current one settles.
 *
 * With `returnExceptions: true` a failure is a value: an `Error` in its slot, and every other result
 * is still there. Without it, gather is `Promise.all`: it rejects with the first failure, the other
 * results are thrown away, and the workers start no more tasks.
 *
 * @example
 * const [productos, perfil] = await gather([() => get('productos'), () => get('perfil')], { returnExceptions: true });
 * if (productos instanceof Error) showError(productos);
 */
export function gather<T>(tasks: readonly Task<T>[], options: GatherOptions & { readonly returnExceptions: true }): Promise<(T | Error)[]>;
export function gather<T>(tasks: readonly Task<T>[], options?: GatherOptions & { readonly returnExceptions?: false }): Promise<T[]>;
export async function gather<T>(tasks: readonly Task<T>[], { returnExceptions = false, limit = tasks.length }: GatherOptions = {}): Promise<(T | Error)[]> {
  const results = new Array<T | Error>(tasks.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < tasks.length) {
      const index = next++;
      try {
        results[index] = await (tasks[index] as Task<T>)();
      } catch (error) {
        if (!returnExceptions) {
          failed = true;
          throw error;
        }
        results[index] = error instanceof Error ? error : new Error(String(error), { cause: error });
      }
    }
  };
  // The fail-fast variant is literally Promise.all: the first worker that throws rejects the whole.
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), tasks.length) }, worker));
  return results;
}
