import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes.js';
import { runCli } from './run-cli.js';
import { spawnCliUntil } from './spawn-cli.js';

/*
 * The exit-code table (src/cli/exit-codes.ts, README "Exit codes"), command by command. Codes tested
 * in other files: dashboard 0, 130 and 2 (test/e2e/dashboard.test.ts); run 1 and 2
 * (test/cli/run-command.test.ts); serve 1, 2 and 130 (test/server/serve-command.test.ts); compare 1
 * (test/cli/cli-errors.test.ts) and 2 (test/compare/compare-cli.test.ts).
 */

const HANG = ['productos', 'categorias', 'perfil'].flatMap((endpoint) => ['--fault', `${endpoint}=timeout`]);

describe('exit codes', () => {
  it('run: 130 on Ctrl+C mid-load, with no summary line', async () => {
    const result = await spawnCliUntil(['run', 'callbacks', ...HANG, '--timeout', '20000'], (out) => out.includes('/api/perfil'), 'SIGINT');
    expect(result.code).toBe(EXIT.interrupted);
    expect(result.stdout).toMatch(/→ GET \/api\/perfil/);
    expect(result.stdout).not.toMatch(/delivered/);
    expect(result.stderr).toBe('');
  });

  it('run: 143 on SIGTERM mid-load', async () => {
    const result = await spawnCliUntil(['run', 'futures', ...HANG, '--timeout', '20000'], (out) => out.includes('/api/perfil'), 'SIGTERM');
    expect(result).toMatchObject({ code: EXIT.terminated, stderr: '' });
  });

  it('serve: 143 on SIGTERM', async () => {
    const result = await spawnCliUntil(['serve', '--port', '0'], (out) => out.startsWith('listening on'), 'SIGTERM');
    expect(result).toMatchObject({ code: EXIT.terminated, stderr: '' });
  });

  it('scenarios: 0 when listing, 2 on a bad flag', async () => {
    expect((await runCli('scenarios')).code).toBe(EXIT.ok);
    const bad = await runCli('scenarios', '--sort');
    expect(bad.code).toBe(EXIT.badInput);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});
