/**
 * Entry of the child process that `startServerProcess` spawns: `argv[2]` holds the server options as JSON.
 * Prints the listening line, then serves until SIGTERM/SIGINT or until the parent closes stdin (so an
 * orphaned server does not outlive its parent). A start failure prints its one-line message to stderr, exit 2.
 */
import { listeningLine } from './listening-line.js';
import { startServer } from './mock-server.js';
import type { ServerOptions } from './server-options.js';
import { isServerStartError } from './server-start-error.js';

const options = JSON.parse(process.argv[2] ?? '{}') as Partial<ServerOptions>;
try {
  const server = await startServer(options);
  process.stdout.write(listeningLine(server.url));
  const stop = (): void => void server.close().then(() => process.exit(0));
  process.once('SIGTERM', stop).once('SIGINT', stop);
  process.stdin.once('end', stop).resume();
} catch (error) {
  if (!isServerStartError(error)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 2;
}
