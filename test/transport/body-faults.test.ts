import { once } from 'node:events';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRANSPORT_KINDS } from '../../src/domain/transport.js';
import { isRetryable } from '../../src/models/support/retryable.js';
import { CATALOG } from '../../src/server/catalog.js';
import { createTransport, type HttpTransport } from '../../src/transport/create-transport.js';
import { leakedHandles, openHandles } from '../support/handles.js';
import { failureOf } from '../support/failure-of.js';

const PERFIL = Buffer.from(JSON.stringify(CATALOG.perfil));

/** Answers a body cut short: Content-Length promises the whole profile, half of it arrives, then the connection closes. */
const cutShort: RequestListener = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': PERFIL.length });
  res.write(PERFIL.subarray(0, PERFIL.length / 2), () => res.destroy());
};

/** Answers 200 with `content-encoding: gzip` over bytes that are not gzip. */
const badGzip: RequestListener = (_req, res) => {
  const body = Buffer.from('this is not gzip');
  res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': body.length }).end(body);
};

/** Answers the profile, gzipped: decoding is part of the transport. */
const goodGzip: RequestListener = (_req, res) => {
  const body = gzipSync(PERFIL);
  res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': body.length }).end(body);
};

/** Answers a gzip body that decodes to more than the transport's cap (a "zip bomb" in miniature). */
const gzipBomb: RequestListener = (_req, res) => {
  const body = gzipSync(Buffer.alloc(100_000, 0x20));
  res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': body.length }).end(body);
};

describe.each(TRANSPORT_KINDS)('the %s transport against a misbehaving body', (kind) => {
  let baseline: string[];
  let server: Server | undefined;
  let transport: HttpTransport | undefined;

  /** Starts a loopback fixture server answering every request with `handler`, and a transport on it. */
  const serve = async (handler: RequestListener, maxBodyBytes?: number): Promise<HttpTransport> => {
    server = createServer(handler);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    transport = createTransport({ kind, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, maxBodyBytes });
    return transport;
  };
  const call = { endpoint: 'perfil', requestId: 0, deadlineMs: 5000 } as const;

  beforeEach(() => {
    baseline = openHandles();
  });
  afterEach(async () => {
    transport?.close();
    server?.closeAllConnections();
    if (server) await new Promise((resolve) => server?.close(resolve));
    [server, transport] = [undefined, undefined];
    expect(await leakedHandles(baseline)).toEqual([]);
  });

  it('a body cut short (Content-Length larger than what arrives, then close) is truncated, and retryable', async () => {
    const error = await failureOf((await serve(cutShort)).get(call));
    expect(error).toMatchObject({ reason: 'truncated', status: 200 });
    expect(error.message).toMatch(/^body cut short/);
    expect(isRetryable(error)).toBe(true);
  });

  it('a 200 whose gzip encoding does not decode is malformed, not retried', async () => {
    const error = await failureOf((await serve(badGzip)).get(call));
    expect(error).toMatchObject({ reason: 'malformed', status: 200 });
    expect(error.message).toMatch(/^invalid content encoding/);
    expect(isRetryable(error)).toBe(false);
  });

  it('a valid gzip body is decoded and delivered', async () => {
    expect(await (await serve(goodGzip)).get(call)).toEqual({ status: 200, data: CATALOG.perfil, items: 1 });
  });

  it('a gzip body that decodes past maxBodyBytes is too-large', async () => {
    expect((await failureOf((await serve(gzipBomb, 10_000)).get(call))).reason).toBe('too-large');
  });
});
