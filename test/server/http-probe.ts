import { request } from 'node:http';

/** What a plain node:http client saw of one request. */
export interface Observed {
  readonly status?: number;
  readonly contentType?: string;
  /** The complete body, when the response ended. */
  readonly body?: string;
  /** What had arrived of the body `checkpointMs` after the headers. */
  readonly partialBody?: string;
  /** A socket error such as ECONNRESET. */
  readonly errorCode?: string;
  /** Nothing complete arrived within the window; the request was then aborted. */
  readonly pending: boolean;
}

/** Options of {@link observe}. */
export interface ObserveOptions {
  readonly method?: string;
  readonly body?: string | Buffer;
  /** Request headers besides those node:http sets (it sets `Host` from the URL unless given here). */
  readonly headers?: Record<string, string>;
  /** How long to wait for a complete answer before giving up (the request is destroyed). */
  readonly windowMs?: number;
  /** When to look at the partial body, counted from the headers. */
  readonly checkpointMs?: number;
}

/** Sends one request on a fresh connection and reports what arrived, never rejecting. */
export const observe = (url: string, { method = 'GET', body, headers = {}, windowMs = 5000, checkpointMs }: ObserveOptions = {}): Promise<Observed> =>
  new Promise((resolve) => {
    let seen: Omit<Observed, 'pending'> = {};
    const chunks: Buffer[] = [];
    const done = (result: Observed): void => {
      clearTimeout(window);
      clearTimeout(checkpoint);
      req.destroy();
      resolve(result);
    };
    const window = setTimeout(() => done({ ...seen, pending: true }), windowMs);
    let checkpoint: NodeJS.Timeout | undefined;
    const req = request(url, { method, agent: false, headers }, (res) => {
      seen = { status: res.statusCode, contentType: res.headers['content-type'] };
      if (checkpointMs !== undefined) checkpoint = setTimeout(() => (seen = { ...seen, partialBody: Buffer.concat(chunks).toString('utf8') }), checkpointMs);
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (error: NodeJS.ErrnoException) => done({ ...seen, errorCode: error.code, pending: false }));
      res.on('end', () => done({ ...seen, body: Buffer.concat(chunks).toString('utf8'), pending: false }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => done({ ...seen, errorCode: error.code, pending: false }));
    req.end(body);
  });

/** True when `text` parses as JSON. */
export const isJson = (text: string | undefined): boolean => {
  try {
    JSON.parse(text ?? '');
    return true;
  } catch {
    return false;
  }
};
