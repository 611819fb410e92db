import { EXIT } from './exit-codes.js';

/** A pending stop by signal: `stopped` resolves with the exit code of the first SIGINT (130) or SIGTERM (143). */
export interface SignalWatch {
  readonly stopped: Promise<typeof EXIT.interrupted | typeof EXIT.terminated>;
  /** Stops listening (the process's default handling comes back). */
  dispose(): void;
}

/**
 * Listens for the first SIGINT or SIGTERM, so a command can finish cleanly and exit with the code
 * the exit-code table gives them instead of dying on Node's default handler.
 *
 * @example
 * const signal = untilSignal();
 * const code = await Promise.race([work, signal.stopped]);
 * signal.dispose();
 */
export const untilSignal = (): SignalWatch => {
  let dispose = (): void => undefined;
  const stopped = new Promise<typeof EXIT.interrupted | typeof EXIT.terminated>((resolve) => {
    const onInt = (): void => resolve(EXIT.interrupted);
    const onTerm = (): void => resolve(EXIT.terminated);
    process.once('SIGINT', onInt).once('SIGTERM', onTerm);
    dispose = () => void process.off('SIGINT', onInt).off('SIGTERM', onTerm);
  });
  return { stopped, dispose: () => dispose() };
};
