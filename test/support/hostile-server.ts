import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';

/** A small misbehaving HTTP server on 127.0.0.1 for one test: its URL, and `close()` that ends every connection. */
export interface HostileServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Starts `handler` on 127.0.0.1, port 0. Timers the handler starts must stop when the response closes. */
export const startHostileServer = async (handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<HostileServer> => {
  const server = createServer(handler);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      const closed = once(server, 'close');
      server.close();
      server.closeAllConnections();
      await closed;
    },
  };
};

/** Answers 200 with a JSON content type, then one byte every `everyMs` forever (until the client goes). */
export const dribbleForever =
  (everyMs = 20) =>
  (_req: IncomingMessage, res: ServerResponse): void => {
    res.writeHead(200, { 'content-type': 'application/json' }).flushHeaders();
    const timer = setInterval(() => res.write(' '), everyMs);
    res.once('close', () => clearInterval(timer));
  };

/** Answers 200 with a JSON array of `megabytes` MiB, written as fast as the client reads it. */
export const hugeBody =
  (megabytes: number) =>
  (_req: IncomingMessage, res: ServerResponse): void => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const chunk = Buffer.alloc(64 * 1024, '1,');
    let left = (megabytes * 1024 * 1024) / chunk.length;
    const pump = (): void => {
      while (left > 0 && !res.destroyed) {
        left -= 1;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (!res.destroyed) res.end();
    };
    res.write('[');
    pump();
  };

/** Every response carries a header with a byte HTTP forbids: the server answers, but not in HTTP. */
export const invalidHeaderByte = (_req: IncomingMessage, res: ServerResponse): void => {
  res.socket?.end('HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nBad\u0001Header: x\r\nContent-Length: 2\r\n\r\n[]');
};
