import type { ServerResponse } from 'node:http';

/** Longest pause between two chunks of a slow body: short enough to defeat any idle timeout. */
export const SLOW_BODY_TICK_MS = 50;

/**
 * The body a slow answer sends: `body` with enough leading spaces to give one byte per tick, so no
 * pause exceeds {@link SLOW_BODY_TICK_MS} even for a short body over a long time. Leading white space
 * keeps it the same JSON.
 */
export const padForDribble = (body: Buffer, overMs: number): Buffer => {
  const missing = Math.ceil(overMs / SLOW_BODY_TICK_MS) - body.length;
  return missing > 0 ? Buffer.concat([Buffer.alloc(missing, 0x20), body]) : body;
};

/**
 * Writes `body` in small chunks spread evenly over `overMs` (headers must already be flushed), then
 * ends the response and calls `onFinish` once the last byte is written. Stops if the client goes away.
 */
export const dribble = (res: ServerResponse, body: Buffer, overMs: number, onFinish: () => void): void => {
  const chunks = Math.max(1, Math.min(body.length, Math.ceil(overMs / SLOW_BODY_TICK_MS)));
  let sent = 0;
  const timer = setInterval(() => {
    sent += 1;
    const slice = body.subarray(Math.floor(((sent - 1) * body.length) / chunks), Math.floor((sent * body.length) / chunks));
    if (sent < chunks) {
      res.write(slice);
      return;
    }
    clearInterval(timer);
    res.end(slice, onFinish);
  }, overMs / chunks);
  res.once('close', () => clearInterval(timer));
};
