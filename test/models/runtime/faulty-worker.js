// A worker task module for the crash tests: request 1 kills its thread, request 3 throws (a bug of the
// worker, not a transport failure), request 5 crashes its thread from a timer while running; every other
// request is performed by the real worker (compiled, in dist/).
import process from 'node:process';
import { setTimeout } from 'node:timers';
import performRequest from '../../../dist/models/runtime/request-worker.js';

export default async function faultyRequest(task) {
  if (task.requestId === 1) process.exit(3);
  if (task.requestId === 3) throw new Error('a bug in the worker');
  if (task.requestId === 5) {
    setTimeout(() => {
      throw new Error('an uncaught error on the worker thread');
    }, 1);
    return new Promise(() => undefined);
  }
  return performRequest(task);
}
