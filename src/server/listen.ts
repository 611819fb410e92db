import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ServerStartError } from './server-start-error.js';

const describeListenError = (error: NodeJS.ErrnoException, host: string, port: number): string => {
  switch (error.code) {
    case 'EADDRINUSE':
      return `port ${port} is in use; try --port 0`;
    case 'EACCES':
      return `no permission to listen on port ${port}; try a port above 1023, or --port 0`;
    case 'EADDRNOTAVAIL':
      return `cannot listen on ${host}: not an address of this machine`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot listen on ${host}: unknown host`;
    default:
      return `cannot listen on ${host}:${port}: ${error.message}`;
  }
};

/**
 * Connections the kernel may queue before the server accepts them. Node's default (511) drops the SYNs
 * of a burst of thousands of new keep-alive sockets, which the client retries only after a second:
 * an in-flight sweep at 5 000 would measure SYN retransmits. The kernel caps it at net.core.somaxconn.
 */
export const LISTEN_BACKLOG = 8192;

/** Starts listening and resolves with the base URL, e.g. `http://127.0.0.1:3000`; rejects with a {@link ServerStartError}. */
export const listen = (server: Server, host: string, port: number): Promise<string> =>
  new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => reject(new ServerStartError(describeListenError(error, host, port)));
    server.once('error', onError);
    server.listen({ port, host, backlog: LISTEN_BACKLOG }, () => {
      server.off('error', onError);
      const address = server.address() as AddressInfo;
      resolve(`http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`);
    });
  });
