import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ServerControl } from '../domain/server-control.js';
import { connectServer } from './control-client.js';
import { findListeningUrl } from './listening-line.js';
import type { ServerOptions } from './server-options.js';
import { ServerStartError } from './server-start-error.js';

/** True when this module runs from TypeScript source (tests, benchmarks), false when compiled to dist/. */
const FROM_SOURCE = import.meta.url.endsWith('.ts');
const ENTRY = fileURLToPath(new URL(`./server-process-entry.${FROM_SOURCE ? 'ts' : 'js'}`, import.meta.url));
/** Node's arguments for the child: the compiled entry runs as is; the source one through tsx's loader, resolved from this package so the child works from any working directory. */
const nodeArgs = (): string[] => (FROM_SOURCE ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] : []);
const START_TIMEOUT_MS = 15_000;
const STOP_GRACE_MS = 2_000;

/** Resolves with the URL the child prints; rejects with its last stderr line if it exits first. */
const waitForListening = (child: ChildProcessWithoutNullStreams): Promise<string> =>
  new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), START_TIMEOUT_MS);
    const onStdout = (chunk: string): void => {
      stdout += chunk;
      const url = findListeningUrl(stdout);
      if (url === undefined) return;
      finish();
      resolve(url);
    };
    const onStderr = (chunk: string): void => void (stderr += chunk);
    const onClose = (code: number | null): void => {
      finish();
      const last = stderr.trim().split('\n').at(-1);
      reject(new ServerStartError(last || `the server process exited (code ${code}) before listening`));
    };
    const finish = (): void => {
      clearTimeout(timer);
      child.stdout.off('data', onStdout).resume();
      child.stderr.off('data', onStderr).resume();
      child.off('close', onClose);
    };
    child.stdout.setEncoding('utf8').on('data', onStdout);
    child.stderr.setEncoding('utf8').on('data', onStderr);
    child.once('close', onClose);
  });

/** Sends SIGTERM and waits for the exit (SIGKILL if it takes longer than {@link STOP_GRACE_MS}). */
const stopChild = async (child: ChildProcessWithoutNullStreams): Promise<void> => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const closed = once(child, 'close');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await closed;
  clearTimeout(timer);
};

/**
 * Starts the mock server in a child process (compiled JavaScript; through tsx when run from source), so it does not share the event loop
 * of the client being measured. Its methods go through the HTTP control API; `close()` stops the child.
 * Rejects with a `ServerStartError` carrying the child's message (e.g. a port in use).
 */
export const startServerProcess = async (options: Partial<ServerOptions> = {}): Promise<ServerControl> => {
  // Its own process group: a Ctrl+C at the terminal goes to the CLI only, which finishes the load in
  // progress before it stops the server (it still stops with the parent: stdin closes).
  const child = spawn(process.execPath, [...nodeArgs(), ENTRY, JSON.stringify(options)], { stdio: 'pipe', detached: true });
  const url = await waitForListening(child);
  let closing: Promise<void> | undefined;
  return { ...connectServer(url), close: () => (closing ??= stopChild(child)) };
};
