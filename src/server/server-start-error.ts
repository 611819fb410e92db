/** The server could not start (port in use, a non-loopback host without `allowRemote`, …): a one-line message for the user. */
export class ServerStartError extends Error {
  /** Brand, so the guard works across module copies. */
  readonly isServerStartError = true as const;
  override readonly name = 'ServerStartError';
}

/** True when `error` is a {@link ServerStartError}. */
export const isServerStartError = (error: unknown): error is ServerStartError =>
  typeof error === 'object' && error !== null && (error as { isServerStartError?: unknown }).isServerStartError === true;
