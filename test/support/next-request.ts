import type { IncomingMessage, Server } from 'node:http';

/** Resolves with the next request `server` receives on `path`. */
export const nextRequest = (server: Server, path: string): Promise<IncomingMessage> =>
  new Promise((resolve) => {
    const onRequest = (request: IncomingMessage): void => {
      if (request.url !== path) return;
      server.off('request', onRequest);
      resolve(request);
    };
    server.on('request', onRequest);
  });
