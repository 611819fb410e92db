import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('async-arena dashboard --executors', () => {
  it('refuses threads when no model shown can run on threads: exit 2, one line naming the models that can', async () => {
    const { code, stdout, stderr } = await runCli('dashboard', '--models', 'async-await,reactive', '--executors', 'threads');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/--executors threads is for callbacks and futures only; none of them is shown/)]);
  });

  it('refuses an unknown executor with exit 2', async () => {
    const { code, stderr } = await runCli('dashboard', '--executors', 'loop,fibers');
    expect(code).toBe(2);
    expect(stderr).toContain('unknown executor "fibers"');
  });

  it('accepts loop,threads and --work-ms, then needs a terminal like any dashboard', async () => {
    const { code, stderr } = await runCli('dashboard', '--executors', 'loop,threads', '--work-ms', '5');
    expect(code).toBe(2);
    expect(stderr).toContain('the live dashboard needs a terminal');
  });
});
