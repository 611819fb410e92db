/**
 * A request's final error, tagged with the request it belongs to. Naive variants funnel every failure
 * into one error path; the tag lets that path report which request failed before it abandons the rest.
 */
export class RequestFailure extends Error {
  override readonly name = 'RequestFailure';

  constructor(
    readonly requestId: number,
    readonly error: unknown,
  ) {
    super(`request ${requestId} failed`, { cause: error });
  }
}
