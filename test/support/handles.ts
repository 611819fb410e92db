import { createHook } from 'node:async_hooks';

/** The kinds of handle a test must not leave open: sockets, servers, pipes, child processes and timers. */
const HANDLE_KINDS = /^(TCP|Pipe|Process|Timeout)/;

/** Sockets, servers, timers and child processes this process holds open, e.g. `['TCPServerWrap', 'Timeout']`. */
export const openHandles = (): string[] => process.getActiveResourcesInfo().filter((name) => HANDLE_KINDS.test(name));

/** Handles open now beyond those of `baseline` (counted per kind; the test runner's own may come and go). */
const extraHandles = (baseline: readonly string[]): string[] => {
  const left = [...baseline];
  return openHandles().filter((name) => {
    const index = left.indexOf(name);
    if (index === -1) return true;
    left.splice(index, 1);
    return false;
  });
};

/** How long a timer may take to go away: the test runner's own RPC calls hold one until their reply comes. */
const TIMER_GRACE_MS = 1000;

/**
 * The handles opened since `baseline` (from {@link openHandles}) that are still open after a few turns of the
 * event loop (a closed handle goes away in the loop's close phase, a turn after its 'close' event). Expect `[]`.
 * Sockets, servers and processes must be gone at once; a timer gets {@link TIMER_GRACE_MS}, because
 * the test runner's own timers come and go (on a loaded machine an RPC reply can still be pending),
 * so only a timer that outlives the grace period counts as leaked.
 */
export const leakedHandles = async (baseline: readonly string[]): Promise<string[]> => {
  const extra = (): string[] => extraHandles(baseline);
  for (let turn = 0; turn < 10 && extra().length > 0; turn += 1) await new Promise((resolve) => setImmediate(resolve));
  const deadline = performance.now() + TIMER_GRACE_MS;
  while (extra().length > 0 && extra().every((name) => name === 'Timeout') && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return extra();
};

/** Where a resource was created: the frame of `stack` past the async hook's own, skipping Node's code and built-ins. */
const creator = (stack: string): string =>
  stack.split('\n').slice(1).map((line) => line.trim()).filter((line) => !/\(node:|^at node:|\(<anonymous>\)/.test(line))[1] ?? 'unknown';

/** Timers that are none of the test's doing: the test runner's own (test and hook timeouts, RPC calls) and this watcher's. */
const NOT_THE_TESTS = /[\\/]node_modules[\\/](@vitest|vitest|tinypool)[\\/]|support[\\/]handles\.ts/;

/**
 * Starts watching the timers created from now on, leaving out the test runner's own; call `leaked()` at the end
 * to stop and get those still running after the grace period of {@link leakedHandles}, each named by its creator.
 * Expect `[]`. The per-test check of files that share one server and keep-alive transport across their tests:
 * those sockets stay open on purpose until `afterAll`, timers must not. It watches timers one by one (async hooks)
 * rather than counting them against a baseline, where a runner timer that ends during the test would hide a leaked one.
 */
export const watchTimers = (): { leaked(): Promise<string[]> } => {
  const live = new Map<number, { timer: NodeJS.Timeout; createdBy: string }>();
  const hook = createHook({
    init(id, type, _trigger, resource) {
      if (type !== 'Timeout') return;
      const createdBy = creator(new Error().stack ?? '');
      if (!NOT_THE_TESTS.test(createdBy)) live.set(id, { timer: resource as NodeJS.Timeout, createdBy });
    },
    destroy: (id) => void live.delete(id),
  }).enable();
  const running = () => [...live.values()].filter(({ timer }) => timer.hasRef());
  return {
    async leaked() {
      const deadline = performance.now() + TIMER_GRACE_MS;
      while (running().length > 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      hook.disable();
      return running().map(({ createdBy }) => `Timeout ${createdBy}`);
    },
  };
};
