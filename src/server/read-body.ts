import type { IncomingMessage } from 'node:http';

/** The outcome of reading a request body: its text, or `too-large` once it passes the limit. */
export type BodyRead = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: 'too-large' };

/**
 * Reads a request body as UTF-8, up to `limitBytes`. Past the limit it stops keeping data (and keeps
 * draining, so the answer can still be written) and resolves `too-large` at once.
 */
export const readBody = (req: IncomingMessage, limitBytes: number): Promise<BodyRead> =>
  new Promise((resolve) => {
    if (Number(req.headers['content-length'] ?? 0) > limitBytes) {
      req.resume();
      return resolve({ ok: false, error: 'too-large' });
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limitBytes) return void chunks.push(chunk);
      req.off('data', onData).resume();
      resolve({ ok: false, error: 'too-large' });
    };
    req.on('data', onData);
    req.once('end', () => resolve({ ok: true, text: Buffer.concat(chunks).toString('utf8') }));
  });
