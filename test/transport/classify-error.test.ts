import axios, { AxiosError } from 'axios';
import MockAdapter from 'axios-mock-adapter';
import { afterEach, describe, expect, it } from 'vitest';
import { TransportError } from '../../src/domain/transport.js';
import { classifyTransportError, type ClassifyContext } from '../../src/transport/classify-error.js';
import { httpStatusFailure } from '../../src/transport/http-status.js';

const context: ClassifyContext = { deadlineMs: 500, deadlineExpired: false, canceled: false };
const client = axios.create({ baseURL: 'http://127.0.0.1:9' });
// axios-mock-adapter types axios through its CommonJS entry; the instance is the same at run time.
const mock = new MockAdapter(client as unknown as ConstructorParameters<typeof MockAdapter>[0]);
afterEach(() => mock.reset());

const failureOf = async (request: Promise<unknown>): Promise<unknown> => request.then(() => expect.fail('expected a rejection'), (error: unknown) => error);
const systemError = (code: string, message = `connect ${code}`): Error => Object.assign(new Error(message), { code });

describe('classifyTransportError', () => {
  it.each([
    [503, 'HTTP 503 Service Unavailable'],
    [500, 'HTTP 500 Internal Server Error'],
    [429, 'HTTP 429 Too Many Requests'],
    [404, 'HTTP 404 Not Found'],
    [599, 'HTTP 599'],
  ])('an HTTP %i answer is http with its status, and passes through classification', (status, message) => {
    const failure = httpStatusFailure(status);
    expect(failure).toMatchObject({ reason: 'http', status, message });
    expect(classifyTransportError(failure, { ...context, status })).toBe(failure);
  });

  it('a 2xx answer is no failure', () => {
    expect([200, 204, 299].map(httpStatusFailure)).toEqual([undefined, undefined, undefined]);
  });

  it("axios-mock-adapter's network error (no socket code) is network", async () => {
    mock.onGet('/api/perfil').networkError();
    expect(classifyTransportError(await failureOf(client.get('/api/perfil')), context).reason).toBe('network');
  });

  it('our expired deadline is a timeout naming the deadline, whatever axios reported', async () => {
    mock.onGet('/api/perfil').timeout();
    const error = classifyTransportError(await failureOf(client.get('/api/perfil')), { ...context, deadlineExpired: true });
    expect(error).toMatchObject({ reason: 'timeout', message: 'timeout after 500 ms' });
  });

  it("the caller's cancel wins over the deadline", () => {
    expect(classifyTransportError(new axios.CanceledError(), { ...context, deadlineExpired: true, canceled: true }).reason).toBe('canceled');
  });

  it('ECONNRESET and socket hang up are resets', () => {
    expect(classifyTransportError(AxiosError.from(systemError('ECONNRESET', 'read ECONNRESET')), context).reason).toBe('reset');
    expect(classifyTransportError(AxiosError.from(systemError('ECONNRESET', 'socket hang up')), context).reason).toBe('reset');
    expect(classifyTransportError(new Error('socket hang up'), context).reason).toBe('reset');
  });

  it('ECONNREFUSED is refused, also inside an AggregateError with an empty message (Node 20)', () => {
    expect(classifyTransportError(AxiosError.from(systemError('ECONNREFUSED')), context).reason).toBe('refused');
    const aggregate = new AggregateError([systemError('ECONNREFUSED'), systemError('ECONNREFUSED')], '');
    expect(classifyTransportError(aggregate, context).reason).toBe('refused');
    expect(classifyTransportError(Object.assign(new Error(''), { cause: aggregate }), context).reason).toBe('refused');
  });

  it('an answer the HTTP parser rejects (HPE_ codes) is protocol, not network or reset', () => {
    const parse = Object.assign(new Error('Parse Error: Invalid header value char'), { code: 'HPE_INVALID_HEADER_TOKEN' });
    expect(classifyTransportError(AxiosError.from(parse), context)).toMatchObject({ reason: 'protocol', message: 'not a valid HTTP answer (HPE_INVALID_HEADER_TOKEN)' });
    expect(classifyTransportError(Object.assign(new Error('socket hang up'), { cause: parse }), context).reason).toBe('protocol');
  });

  it("a body over maxContentLength, undici's maxResponseSize or zlib's maxOutputLength is too-large", () => {
    const error = new AxiosError('maxContentLength size of 100 exceeded', AxiosError.ERR_BAD_RESPONSE);
    expect(classifyTransportError(error, context).reason).toBe('too-large');
    expect(classifyTransportError(systemError('UND_ERR_RES_EXCEEDED_MAX_SIZE', 'Response content exceeded max size'), { ...context, status: 200 }).reason).toBe('too-large');
    expect(classifyTransportError(systemError('ERR_BUFFER_TOO_LARGE', 'Cannot create a Buffer larger than 100 bytes'), { ...context, status: 200 }).reason).toBe('too-large');
  });

  it('a connection dropped after the headers is truncated with the status; before them, reset', () => {
    const afterHeaders = { ...context, status: 200 };
    // axios attaches the answer to its aborted-stream error; undici says the other side closed.
    const axiosAborted = Object.assign(new AxiosError('stream has been aborted', AxiosError.ERR_BAD_RESPONSE), { response: { status: 200 } });
    expect(classifyTransportError(axiosAborted, afterHeaders)).toMatchObject({ reason: 'truncated', status: 200 });
    expect(classifyTransportError(systemError('UND_ERR_SOCKET', 'other side closed'), afterHeaders)).toMatchObject({ reason: 'truncated', status: 200, message: 'body cut short (UND_ERR_SOCKET)' });
    expect(classifyTransportError(systemError('UND_ERR_SOCKET', 'other side closed'), context).reason).toBe('reset');
  });

  it('a body its content encoding cannot decode is malformed, whatever the transport attached', () => {
    const zlib = Object.assign(systemError('Z_DATA_ERROR', 'incorrect header check'), { response: { status: 200 } });
    expect(classifyTransportError(zlib, { ...context, status: 200 })).toMatchObject({ reason: 'malformed', status: 200, message: 'invalid content encoding: incorrect header check' });
    expect(classifyTransportError(systemError('ERR__ERROR_FORMAT_PADDING_1', 'brotli'), { ...context, status: 200 }).reason).toBe('malformed');
  });

  it('an abort neither signal caused is canceled', () => {
    expect(classifyTransportError(new DOMException('This operation was aborted', 'AbortError'), context).reason).toBe('canceled');
  });

  it('anything else is network, and a TransportError passes through unchanged', () => {
    expect(classifyTransportError(systemError('ENOTFOUND', 'getaddrinfo ENOTFOUND nowhere'), context)).toMatchObject({ reason: 'network', message: 'network error: ENOTFOUND' });
    const malformed = new TransportError('malformed', 'invalid JSON', 200);
    expect(classifyTransportError(malformed, { ...context, deadlineExpired: true })).toBe(malformed);
  });
});
