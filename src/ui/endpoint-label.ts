import type { Endpoint } from '../domain/endpoints.js';

const SHORT: Readonly<Record<Endpoint, string>> = { productos: 'prod', categorias: 'cat', perfil: 'perf' };

/** An endpoint's name padded to a column: full (`categorias`) when there is room, short (`cat`) otherwise. */
export const endpointLabel = (endpoint: Endpoint, wide: boolean): string => (wide ? endpoint.padEnd(10) : SHORT[endpoint].padEnd(4));
