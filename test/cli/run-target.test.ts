import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { narrationLine } from '../../src/cli/run-narration.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import type { FailureEvent } from '../../src/domain/events.js';
import { CATALOG } from '../../src/server/catalog.js';
import { runCli } from './run-cli.js';

const discarded: FailureEvent = {
  type: 'failure',
  model: 'futures',
  requestId: 0,
  endpoint: 'productos',
  attempt: 1,
  at: 345,
  latencyMs: 345,
  reason: 'discarded',
  message: 'discarded because /api/categorias failed: HTTP 503',
};

describe('run narration', () => {
  it('tells data lost (arrived, then dropped) from a request discarded before it answered', () => {
    const style = { withIds: false, pathPrefix: '' };
    expect(narrationLine(discarded, style, 328.4)).toBe('   345 ms  ✗ /api/productos LOST: arrived at 328 ms, then dropped by the model — discarded because /api/categorias failed: HTTP 503');
    expect(narrationLine(discarded, style)).toBe('   345 ms  ✗ /api/productos never answered — discarded because /api/categorias failed: HTTP 503');
  });

  it("narrates the target's path prefix, in the cause of a discard too", () => {
    const style = { withIds: false, pathPrefix: '/v1' };
    expect(narrationLine({ type: 'start', model: 'futures', requestId: 0, endpoint: 'productos', attempt: 1, at: 0 }, style)).toBe('     0 ms  → GET /v1/api/productos');
    expect(narrationLine(discarded, style)).toContain('discarded because /v1/api/categorias failed');
  });
});

/** A self-signed certificate for 127.0.0.1, made now with openssl (no test key is stored in the repository). */
const selfSignedCertificate = (dir: string): { key: Buffer; cert: Buffer } => {
  const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
  } catch (error) {
    throw new Error(`this test needs openssl to make a self-signed certificate: ${String(error)}`);
  }
  return { key: readFileSync(key), cert: readFileSync(cert) };
};

describe('run --target an HTTPS server with a self-signed certificate, under a path prefix', () => {
  let dir: string;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'arena-tls-'));
    // The three endpoints under /v1, as a gateway might serve them.
    server = createServer(selfSignedCertificate(dir), (request, response) => {
      const endpoint = /^\/v1\/api\/(productos|categorias|perfil)$/.exec(request.url ?? '')?.[1] as keyof typeof CATALOG | undefined;
      response.writeHead(endpoint ? 200 : 404, { 'content-type': 'application/json' }).end(JSON.stringify(endpoint ? CATALOG[endpoint] : { error: 'not found' }));
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses the certificate by default: exit 1, one line that names --insecure', async () => {
    const { code, stdout, stderr } = await runCli('run', 'futures', '--target', url);
    expect(code).toBe(EXIT.unreachable);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/SELF_SIGNED.*--insecure accepts it/);
  });

  it('with --insecure loads all three, narrated with the prefix', async () => {
    const { code, stdout } = await runCli('run', 'futures', '--target', url, '--insecure');
    expect(code).toBe(EXIT.ok);
    expect(stdout).toContain('→ GET /v1/api/productos');
    expect(stdout).toContain('✓ /v1/api/perfil');
    expect(stdout.trim().split('\n').at(-1)).toMatch(/^futures \(correct\): delivered 3\/3, failed 0, lost 0/);
  });
});
