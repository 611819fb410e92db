/** Sockets, servers, timers and child processes this process holds open, e.g. `['TCPServerWrap', 'Timeout']`. */
export const openHandles = (): string[] => process.getActiveResourcesInfo().filter((name) => /^(TCP|Pipe|Process|Timeout)/.test(name));

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
 * The handles opened since `baseline` that are still open after a few turns of the event loop
 * (a closed handle goes away in the loop's close phase, a turn after its 'close' event). Expect `[]`.
 * Sockets, servers and processes must be gone at once; a timer gets {@link TIMER_GRACE_MS}, because
 * the test runner's own timers come and go (on a loaded machine an RPC reply can still be pending),
 * so only a timer that outlives the grace period counts as leaked.
 */
export const leakedHandles = async (baseline: readonly string[]): Promise<string[]> => {
  for (let turn = 0; turn < 10 && extraHandles(baseline).length > 0; turn += 1) await new Promise((resolve) => setImmediate(resolve));
  const deadline = performance.now() + TIMER_GRACE_MS;
  while (extraHandles(baseline).length > 0 && extraHandles(baseline).every((name) => name === 'Timeout') && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return extraHandles(baseline);
};
