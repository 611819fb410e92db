import { describe, expect, it } from 'vitest';
import { checkOpenFiles } from '../../src/cli/dashboard-command.js';
import { maxInFlightFor, openFileLimit, parseOpenFileLimit } from '../../src/cli/open-file-limit.js';
import { runCli } from './run-cli.js';

const LINUX_LIMITS = `Limit                     Soft Limit           Hard Limit           Units
Max cpu time              unlimited            unlimited            seconds
Max open files            1024                 524288               files
Max locked memory         8388608              8388608              bytes
`;

describe('the open-file limit', () => {
  it('is the soft limit of /proc/self/limits, none when unlimited or absent', () => {
    expect(parseOpenFileLimit(LINUX_LIMITS)).toBe(1024);
    expect(parseOpenFileLimit(LINUX_LIMITS.replace(/1024 {17}/, 'unlimited        '))).toBeUndefined();
    expect(parseOpenFileLimit('')).toBeUndefined();
  });

  it('bounds the dashboard: each model holds one socket per request in flight', () => {
    expect(maxInFlightFor(1024, 4)).toBe(240);
    expect(() => checkOpenFiles(240, 4, 1024)).not.toThrow();
    expect(() => checkOpenFiles(241, 4, 1024)).toThrow('--max-in-flight 241: 4 models × 241 sockets do not fit under the open-file limit of 1024 (ulimit -n); use at most 240, or raise the limit');
    expect(() => checkOpenFiles(10_000, 4, undefined)).not.toThrow();
  });

  const limit = openFileLimit();
  it.skipIf(limit === undefined || maxInFlightFor(limit, 4) >= 10_000)('the dashboard at the largest --max-in-flight this machine cannot hold: one line naming the limit, exit 2', async () => {
    const { code, stdout, stderr } = await runCli('dashboard', '--max-in-flight', '10000', '--concurrency', '100000');
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toBe(`async-arena: --max-in-flight 10000: 4 models × 10000 sockets do not fit under the open-file limit of ${limit} (ulimit -n); use at most ${maxInFlightFor(limit ?? 0, 4)}, or raise the limit\n`);
  });
});
