import { ENDPOINTS, type Endpoint } from '../../domain/endpoints.js';

/** The endpoint request `requestId` targets: the load goes round-robin over the three, `ENDPOINTS[i % 3]`. */
export const requestEndpoint = (requestId: number): Endpoint => ENDPOINTS[requestId % ENDPOINTS.length] as Endpoint;
