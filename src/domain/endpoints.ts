/** The three EcoMarket resources every model loads at once (paths stay in Spanish, as the scenario defines them). */
export const ENDPOINTS = ['productos', 'categorias', 'perfil'] as const;

/** One of the scenario's endpoints. */
export type Endpoint = (typeof ENDPOINTS)[number];

/** True when `value` names one of the scenario's endpoints. */
export const isEndpoint = (value: string): value is Endpoint => (ENDPOINTS as readonly string[]).includes(value);

/** The URL path of an endpoint, e.g. `endpointPath('perfil') === '/api/perfil'`. */
export const endpointPath = (endpoint: Endpoint): string => `/api/${endpoint}`;
