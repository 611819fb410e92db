import { readFileSync } from 'node:fs';

/** File descriptors the dashboard needs besides its sockets: stdio, the event loop, the server child's pipes, modules. */
export const FD_RESERVE = 64;

/** The soft limit of open files from a `/proc/PID/limits` text, or undefined when it is absent or unlimited. */
export const parseOpenFileLimit = (limits: string): number | undefined => {
  const soft = /^Max open files\s+(\S+)/m.exec(limits)?.[1];
  return soft === undefined || !/^\d+$/.test(soft) ? undefined : Number(soft);
};

/**
 * This process's soft limit of open files (`ulimit -n`), read from /proc/self/limits on Linux (Node has
 * no getrlimit); undefined where that file does not exist, and then nothing is checked.
 */
export const openFileLimit = (): number | undefined => {
  try {
    return parseOpenFileLimit(readFileSync('/proc/self/limits', 'utf8'));
  } catch {
    return undefined;
  }
};

/**
 * The most requests per model the dashboard may keep in flight under an open-file limit: every request
 * in flight holds a socket (and, with the embedded server, so does the server's side of it).
 */
export const maxInFlightFor = (limit: number, models: number): number => Math.max(1, Math.floor((limit - FD_RESERVE) / models));
