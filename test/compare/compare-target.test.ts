import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes.js';
import { buildPlan } from '../../src/compare/plan.js';
import { buildReport } from '../../src/compare/report/build-report.js';
import { formatReport } from '../../src/compare/report/format-report.js';
import { compareReportSchema } from '../../src/compare/report/report-schema.js';
import { faultsNeedingControl } from '../../src/compare/runner/uncontrolled-target.js';
import { CATALOG } from '../../src/server/catalog.js';
import { runCli } from '../cli/run-cli.js';
import { runRecord } from './fixtures.js';

describe('a report without the server cross-check', () => {
  const plan = buildPlan({ name: 'plain', models: ['futures'], variant: 'correct', runs: 1 });
  const report = buildReport(plan, [runRecord('futures', 'correct', 0, 40)], { serverCheck: 'unavailable' });

  it('marks it unavailable in every format, never leaves it out silently', () => {
    expect(compareReportSchema.parse(JSON.parse(formatReport(report, 'json', { color: false })))).toMatchObject({ serverCheck: 'unavailable' });
    for (const format of ['table', 'markdown'] as const) {
      const text = formatReport(report, format, { color: false });
      expect(text).toContain('server cross-check unavailable: the target has no control API');
      expect(text).toMatch(/\bn\/a\b/);
    }
    const [header = '', row = ''] = formatReport(report, 'csv', { color: false }).split('\n');
    const cells = Object.fromEntries(header.split(',').map((name, i) => [name, row.split(',')[i]]));
    expect(cells).toMatchObject({ server_check: 'unavailable', server_received: '', productos_server_ok: '' });
  });

  it('explains its columns in the table and in Markdown, `Sent 20 (+5)` included', () => {
    for (const format of ['table', 'markdown'] as const) expect(formatReport(report, format, { color: false })).toContain('Sent 20 (+5): requests sent over all runs, 5 of them retries');
  });

  it('says which scenarios need a control API: those that set faults, now or on a schedule', () => {
    expect(faultsNeedingControl(plan)).toBeUndefined();
    expect(faultsNeedingControl(buildPlan({ name: 'x', faults: { categorias: { kind: 'timeout' } } }))).toBe('it sets faults on categorias');
    expect(faultsNeedingControl(buildPlan({ name: 'x', schedule: [{ atRun: 2, faults: { perfil: { kind: 'reset' } } }] }))).toBe('its schedule sets faults');
  });
});

describe('compare --target a server without a control API', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      const endpoint = /^\/api\/(productos|categorias|perfil)$/.exec(request.url ?? '')?.[1] as keyof typeof CATALOG | undefined;
      response.writeHead(endpoint ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(endpoint ? CATALOG[endpoint] : { error: 'not found' }));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  });

  it('measures it, and the report says the server cross-check is unavailable', async () => {
    const { code, stdout, stderr } = await runCli('compare', '--target', url, '--runs', '2', '--warmup', '0', '--models', 'callbacks', '--variant', 'correct', '--format', 'json');
    expect(code).toBe(EXIT.ok);
    const report = compareReportSchema.parse(JSON.parse(stdout));
    expect(report).toMatchObject({ serverCheck: 'unavailable', results: [{ model: 'callbacks', runs: 2, preservedRuns: 2 }] });
    expect(report.results[0]?.endpoints.perfil.ok).toBe(2);
    // The raw transport is just loads: measured there too, paired by repetition order only.
    expect(report.transportRecords.map((t) => [t.repetition, t.calls, t.failed, t.serverPlan])).toEqual([[0, 3, 0, null], [1, 3, 0, null]]);
    expect(report.results[0]?.cost.modelUsPerRequest).not.toBeNull();
    expect(stderr).toContain('server cross-check is unavailable');
  });

  it('exits 1 with one line when nothing answers there', async () => {
    const { code, stdout, stderr } = await runCli('compare', '--target', 'http://127.0.0.1:9', '--runs', '1', '--warmup', '0');
    expect(code).toBe(EXIT.unreachable);
    expect(stdout).toBe('');
    expect(stderr).toBe('async-arena: cannot reach http://127.0.0.1:9: connection refused\n');
  });

  it('refuses a scenario with faults in one line, exit 2', async () => {
    const { code, stdout, stderr } = await runCli('compare', '--target', url, '--scenario', 'categorias-timeout');
    expect(code).toBe(EXIT.badInput);
    expect(stdout).toBe('');
    expect(stderr).toBe(`async-arena: --target ${url} has no async-arena control API, and scenario categorias-timeout needs one: it sets faults on categorias (pick a scenario without faults, e.g. baseline)\n`);
  });
});
