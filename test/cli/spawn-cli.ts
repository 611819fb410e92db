import { spawn } from 'node:child_process';
import { once } from 'node:events';

/** How a spawned CLI ended. */
export interface SpawnedExit {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the real CLI and sends it `signal` as soon as its stdout satisfies `when` (so the signal
 * lands at a known point, never after a sleep); resolves once it has exited.
 */
export const spawnCliUntil = async (args: readonly string[], when: (stdout: string) => boolean, signal: NodeJS.Signals): Promise<SpawnedExit> => {
  const child = spawn(process.execPath, ['bin/async-arena.js', ...args], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
  let stdout = '';
  let stderr = '';
  let sent = false;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (!sent && when(stdout)) {
      sent = true;
      child.kill(signal);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => void (stderr += chunk));
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stdout, stderr };
};
