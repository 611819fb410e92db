/** Bad input from the user (a flag, a file, a target): printed as one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  /** Exit code: 2 for bad input; 1 for an environment problem such as an unreachable target. */
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
  }
}
