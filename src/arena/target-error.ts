/** A `--target` cannot do what the session needs: no control API answers there to set faults or measure with. */
export class TargetError extends Error {
  /** Brand, so the guard works across module copies. */
  readonly isTargetError = true as const;
  override readonly name = 'TargetError';
}

/** True when `error` is a {@link TargetError}. */
export const isTargetError = (error: unknown): error is TargetError =>
  typeof error === 'object' && error !== null && (error as { isTargetError?: unknown }).isTargetError === true;
