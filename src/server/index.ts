/** The mock EcoMarket server: in-process, in a child process, or any server's control API over HTTP. */
export { startServer, type MockServer } from './mock-server.js';
export { startServerProcess } from './server-process.js';
export { connectServer, probeControlApi, probeLoadPlans } from './control-client.js';
export { DEFAULT_LATENCY, uniformLatency } from './server-options.js';
export { isServerStartError } from './server-start-error.js';
export { listeningLine, findListeningUrl } from './listening-line.js';
