import { request } from 'node:http';

/** A control API answer: the status and the parsed JSON body (undefined when the body was not JSON). */
export interface JsonReply {
  readonly status: number;
  readonly body: unknown;
}

/**
 * One JSON call over node:http on a fresh connection (no pool, so nothing lingers after the call).
 * Rejects on network errors and when no answer arrives within `timeoutMs` of socket inactivity.
 */
export const requestJson = (method: string, url: string, body?: unknown, timeoutMs = 5000): Promise<JsonReply> =>
  new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(url, { method, agent: false, headers: payload === undefined ? {} : { 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('error', reject);
      res.once('end', () => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          parsed = undefined;
        }
        resolve({ status: res.statusCode ?? 0, body: parsed });
      });
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer from ${url} within ${timeoutMs} ms`)));
    req.once('error', reject);
    req.end(payload);
  });
