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

/**
 * The handles opened since `baseline` that are still open after a few turns of the event loop
 * (a closed handle goes away in the loop's close phase, a turn after its 'close' event). Expect `[]`.
 */
export const leakedHandles = async (baseline: readonly string[]): Promise<string[]> => {
  for (let turn = 0; turn < 10 && extraHandles(baseline).length > 0; turn += 1) await new Promise((resolve) => setImmediate(resolve));
  return extraHandles(baseline);
};
