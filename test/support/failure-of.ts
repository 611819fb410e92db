import { expect } from 'vitest';
import { TransportError } from '../../src/domain/transport.js';

/** The `TransportError` a transport call rejects with; fails the test if it resolves or rejects with anything else. */
export const failureOf = (promise: Promise<unknown>): Promise<TransportError> =>
  promise.then(
    () => expect.fail('expected a TransportError'),
    (error: unknown) => {
      expect(error).toBeInstanceOf(TransportError);
      return error as TransportError;
    },
  );
