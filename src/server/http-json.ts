import { request } from 'node:http';

/** A control API answer: the status and the parsed JSON body (undefined when the body was not JSON). */
export interface JsonReply {
  readonly status: number;
  readonly body: unknown;
}

/** Bounds of one control call. */
export interface JsonCallLimits {
  /** Total deadline of the call: connect, headers and the whole body. */
  readonly deadlineMs: number;
  /** Largest body kept; a longer answer fails the call. */
  readonly maxBodyBytes: number;
}

/** 5 s for the whole call and 1 MiB of body: a fault map or the stats are a few hundred bytes. */
export const CONTROL_CALL_LIMITS: JsonCallLimits = { deadlineMs: 5000, maxBodyBytes: 1024 * 1024 };

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/**
 * One JSON call over node:http on a fresh connection (no pool, so nothing lingers after the call).
 * Writes (anything but GET) say `Content-Type: application/json`, as the control API requires.
 * Rejects on network errors, when the whole answer has not arrived within `deadlineMs` (a server
 * dribbling its body cannot stretch it), and when the body passes `maxBodyBytes`.
 */
export const requestJson = (method: string, url: string, body?: unknown, limits: JsonCallLimits = CONTROL_CALL_LIMITS): Promise<JsonReply> =>
  new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const fail = (error: Error): void => {
      clearTimeout(deadline);
      req.destroy();
      reject(error);
    };
    const headers = method === 'GET' ? {} : { 'content-type': 'application/json' };
    const req = request(url, { method, agent: false, headers }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.maxBodyBytes) return fail(new Error(`answer from ${url} larger than ${limits.maxBodyBytes} bytes`));
        chunks.push(chunk);
      });
      res.once('error', fail);
      res.once('end', () => {
        clearTimeout(deadline);
        resolve({ status: res.statusCode ?? 0, body: parseJson(Buffer.concat(chunks).toString('utf8')) });
      });
    });
    const deadline = setTimeout(() => fail(new Error(`no complete answer from ${url} within ${limits.deadlineMs} ms`)), limits.deadlineMs);
    req.once('error', fail);
    req.end(payload);
  });
