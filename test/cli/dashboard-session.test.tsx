import { EventEmitter } from 'node:events';
import { readdirSync } from 'node:fs';
import { Observable } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { openArena, type Arena } from '../../src/arena/index.js';
import { runDashboardSession, type DashboardSessionOptions, type SessionIo } from '../../src/cli/dashboard-session.js';
import { UsageError } from '../../src/cli/usage-error.js';
import { NO_FAULTS } from '../../src/domain/fault-spec.js';
import type { ServerControl } from '../../src/domain/server-control.js';
import { loadRequest } from '../../src/domain/load-request.js';
import { ServerStartError } from '../../src/server/server-start-error.js';
import { leakedHandles, openHandles } from '../support/handles.js';
import { startHostileServer } from '../support/hostile-server.js';

/** A terminal that records what the session does to it: frames written, raw mode switched. */
class FakeStdout extends EventEmitter {
  readonly isTTY = true;
  readonly columns = 100;
  readonly rows = 30;
  readonly frames: string[] = [];
  write = (frame: string): boolean => (this.frames.push(frame), true);
}

class FakeStdin extends EventEmitter {
  readonly isTTY = true;
  #data: string | null = null;
  constructor(private readonly log: string[]) {
    super();
  }
  /** Types `data` as the user would. */
  type(data: string): void {
    this.#data = data;
    this.emit('readable');
    this.emit('data', data);
  }
  read = (): string | null => {
    const data = this.#data;
    this.#data = null;
    return data;
  };
  setRawMode(on: boolean): void {
    this.log.push(`raw mode ${on ? 'on' : 'off'}`);
  }
  setEncoding(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

/** A fake arena whose loads never end: they log when they are aborted; closing logs too. */
const fakeArena = (log: string[]): Arena => ({
  url: 'http://127.0.0.1:1',
  faults: NO_FAULTS,
  load: (model) => new Observable(() => () => void log.push(`load aborted ${model}`)),
  rawLoad: async () => ({ calls: 0, failed: 0 }),
  close: async () => void log.push('arena closed'),
});

const fakeIo = (log: string[], openArena: SessionIo['openArena'] = async () => fakeArena(log)) => {
  const stdin = new FakeStdin(log);
  const exits: [code: number, afterMs: number | 'now'][] = [];
  const exit = (code: number): void => {
    exits.push([code, 'now']);
    log.push(`exit ${code}`);
  };
  const io = { stdout: new FakeStdout(), stdin, stderr: new FakeStdout(), signals: new EventEmitter(), openArena, exitAfter: (code: number, afterMs: number) => void exits.push([code, afterMs]), exit };
  return { io: io as unknown as SessionIo, stdin, stdout: io.stdout, signals: io.signals, exits };
};

const OPTIONS = { models: ['callbacks', 'reactive'] as const, request: loadRequest(), intervalMs: 60_000, seed: 1 };

/** Lets the event loop turn until `ready()` holds (the session has started listening). */
const until = async (ready: () => boolean): Promise<void> => {
  while (!ready()) await new Promise((resolve) => setImmediate(resolve));
};

const start = async (log: string[] = [], options: Partial<DashboardSessionOptions> = {}, arena: (log: string[]) => Arena = fakeArena) => {
  const fake = fakeIo(log, async () => arena(log));
  const session = runDashboardSession({ ...OPTIONS, ...options }, fake.io);
  await until(() => fake.signals.listenerCount('SIGINT') > 0 && fake.stdin.listenerCount('readable') > 0);
  return { ...fake, session, log };
};

describe('the dashboard session', () => {
  it.each([
    ['q', 0],
    ['Ctrl+C', 130],
  ])('%s exits with %i, arms a 1 s deadline on the clean-up, and with nothing to put back ends the process right after the summary', async (key, code) => {
    const { stdin, session, exits, stdout, log } = await start();
    stdin.type(key === 'q' ? 'q' : '\u0003');
    expect(await session).toBe(code);
    expect(exits).toEqual([
      [code, 1000],
      [code, 'now'],
      [code, 0],
    ]);
    expect(stdout.frames.join('')).toContain('async-arena: no round finished'); // the summary was written before the process ended
    expect(log.slice(0, 3)).toEqual(['raw mode on', 'raw mode off', `exit ${code}`]);
  });

  it('a target whose faults must be put back is closed before the process ends: no early exit', async () => {
    const steered = (log: string[]): Arena => ({ ...fakeArena(log), control: {} as ServerControl });
    const { stdin, session, exits, log } = await start([], { target: 'http://127.0.0.1:1' }, steered);
    stdin.type('q');
    expect(await session).toBe(0);
    expect(exits).toEqual([
      [0, 1000],
      [0, 0],
    ]);
    expect(log).toEqual(['raw mode on', 'raw mode off', 'load aborted callbacks', 'load aborted reactive', 'arena closed']);
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ])('%s exits with %i and stops listening for signals', async (signal, code) => {
    const { signals, session } = await start();
    signals.emit(signal);
    expect(await session).toBe(code);
    expect(['SIGINT', 'SIGTERM', 'uncaughtException', 'unhandledRejection'].map((name) => signals.listenerCount(name))).toEqual([0, 0, 0, 0]);
  });

  it('cleans up in order: Ink unmounted (raw mode off) first, then the loads aborted, then the arena closed', async () => {
    const { signals, session, log } = await start();
    expect(log).toEqual(['raw mode on']);
    signals.emit('SIGTERM');
    await session;
    expect(log).toEqual(['raw mode on', 'raw mode off', 'exit 143', 'load aborted callbacks', 'load aborted reactive', 'arena closed']);
  });

  it('a crash is rethrown after the same clean-up', async () => {
    const { signals, session, log } = await start();
    signals.emit('uncaughtException', new Error('boom'));
    await expect(session).rejects.toThrow('boom');
    expect(log.at(-1)).toBe('arena closed');
  });

  it('a server that fails to start is exit 1 in one line, and nothing is drawn', async () => {
    const { io, stdout, signals } = fakeIo([], () => Promise.reject(new ServerStartError('port 3000 is in use; try --port 0')));
    const failure = await runDashboardSession(OPTIONS, io).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(UsageError);
    expect(failure).toMatchObject({ exitCode: 1, message: 'port 3000 is in use; try --port 0' });
    expect(stdout.frames).toEqual([]);
    expect(signals.listenerCount('SIGINT')).toBe(0);
  });
});

describe('the dashboard session with futures on threads', () => {
  /** Threads of this process (Linux): the main one, V8's and libuv's, and every worker thread alive. */
  const threadCount = (): number => readdirSync('/proc/self/task').length;
  const threadsSettleAt = async (count: number): Promise<number> => {
    const deadline = performance.now() + 10_000;
    while (threadCount() > count && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    return threadCount();
  };
  /** The thread count once it has stopped falling for half a second (threads being torn down are gone). */
  const steadyThreadCount = async (): Promise<number> => {
    const deadline = performance.now() + 10_000;
    let count = threadCount();
    for (let still = 0; still < 10 && performance.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const now = threadCount();
      still = now < count ? 0 : still + 1;
      count = Math.min(count, now);
    }
    return count;
  };
  // A target that never answers and outlives the session: only quitting can end the workers waiting on it.
  const quitWhileWorkersRun = async (target: string, threads: number, key: string): Promise<number> => {
    const fake = fakeIo([], (options) => openArena({ ...options, target }));
    const session = runDashboardSession({ ...OPTIONS, models: ['futures'], executors: ['threads'], request: loadRequest({ deadlineMs: 60_000 }) }, fake.io);
    const deadline = performance.now() + 30_000;
    while (threadCount() <= threads && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(threadCount()).toBeGreaterThan(threads); // the round's workers are running
    fake.stdin.type(key);
    return session;
  };

  it('q and Ctrl+C terminate every worker of the round: no thread and no handle left', async () => {
    const silent = await startHostileServer((req, res) => {
      if (!req.url?.startsWith('/api/')) res.writeHead(404).end(); // no control API: the dashboard is read-only
    });
    try {
      expect(await quitWhileWorkersRun(silent.url, threadCount(), 'q')).toBe(0); // warm-up: what the first workers start for good (libuv, V8) is not a leak
      const threads = await steadyThreadCount(); // the warm-up's workers are gone
      const handles = openHandles();
      expect(await quitWhileWorkersRun(silent.url, threads, '\u0003')).toBe(130);
      expect(await threadsSettleAt(threads)).toBeLessThanOrEqual(threads);
      expect(await leakedHandles(handles)).toEqual([]);
    } finally {
      await silent.close();
    }
  }, 120_000);
});
