import { isTransportError } from '../domain/transport.js';
import { createHttpTransport } from '../transport/http-transport.js';
import { EXIT } from './exit-codes.js';
import { UsageError } from './usage-error.js';

/**
 * One request to a target before measuring it, so a target where nothing answers ends with one line
 * and exit 1 instead of a report of refusals. Any answer, even an error status, means it is there.
 */
export const checkReachable = async (target: string, deadlineMs = 5000): Promise<void> => {
  const transport = createHttpTransport({ baseUrl: target, maxSockets: 1 });
  try {
    await transport.get({ endpoint: 'perfil', requestId: 0, deadlineMs });
  } catch (error) {
    if (isTransportError(error) && (error.reason === 'refused' || error.reason === 'network')) throw new UsageError(`cannot reach ${target}: ${error.message}`, EXIT.unreachable);
  } finally {
    transport.close();
  }
};
