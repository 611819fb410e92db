import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const exec = promisify(execFile);

/** Full collections while a fresh Node process, with the CLI's 25% growth step, grows its heap to ~500 MB; `dashboard` first applies the dashboard's setting. */
const majorCollections = async (dashboard: boolean): Promise<number> => {
  const script = `
    import { setFlagsFromString } from 'node:v8';
    import { PerformanceObserver, constants } from 'node:perf_hooks';
    setFlagsFromString('--heap-growing-percent=25');
    ${dashboard ? "(await import('./src/cli/dashboard-heap.ts')).useDashboardHeap();" : ''}
    let majors = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majors += 1; }).observe({ entryTypes: ['gc'] });
    const kept = [];
    for (let i = 0; i < 4e6; i += 1) kept.push({ i, box: [i] });
    await new Promise((resolve) => setTimeout(resolve, 50));
    process.stdout.write(String(majors));`;
  const { stdout } = await exec(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { timeout: 60_000 });
  return Number(stdout);
};

describe('the dashboard heap setting', () => {
  it("undoes the CLI's 25% growth step: a fast-growing heap gets far fewer full collections", async () => {
    const [cli, dashboard] = [await majorCollections(false), await majorCollections(true)];
    expect(cli).toBeGreaterThanOrEqual(5);
    expect(dashboard).toBeLessThanOrEqual(cli / 2);
  });
});
