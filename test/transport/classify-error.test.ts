import axios, { AxiosError } from 'axios';
import MockAdapter from 'axios-mock-adapter';
import { afterEach, describe, expect, it } from 'vitest';
import { TransportError } from '../../src/domain/transport.js';
import { classifyTransportError, type ClassifyContext } from '../../src/transport/classify-error.js';

const context: ClassifyContext = { deadlineMs: 500, deadlineExpired: false, canceled: false };
const client = axios.create({ baseURL: 'http://127.0.0.1:9' });
// axios-mock-adapter types axios through its CommonJS entry; the instance is the same at run time.
const mock = new MockAdapter(client as unknown as ConstructorParameters<typeof MockAdapter>[0]);
afterEach(() => mock.reset());

const failureOf = async (request: Promise<unknown>): Promise<unknown> => request.then(() => expect.fail('expected a rejection'), (error: unknown) => error);
const systemError = (code: string, message = `connect ${code}`): Error => Object.assign(new Error(message), { code });

describe('classifyTransportError', () => {
  it.each([503, 500, 429, 404])('an HTTP %i answer is http with its status', async (status) => {
    mock.onGet('/api/perfil').reply(status);
    const error = classifyTransportError(await failureOf(client.get('/api/perfil')), context);
    expect(error).toMatchObject({ reason: 'http', status });
    expect(error.message).toContain(String(status));
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

  it('a body over maxContentLength is too-large', () => {
    const error = new AxiosError('maxContentLength size of 100 exceeded', AxiosError.ERR_BAD_RESPONSE);
    expect(classifyTransportError(error, context).reason).toBe('too-large');
  });

  it('anything else is network, and a TransportError passes through unchanged', () => {
    expect(classifyTransportError(systemError('ENOTFOUND', 'getaddrinfo ENOTFOUND nowhere'), context)).toMatchObject({ reason: 'network', message: 'network error: ENOTFOUND' });
    const malformed = new TransportError('malformed', 'invalid JSON', 200);
    expect(classifyTransportError(malformed, { ...context, deadlineExpired: true })).toBe(malformed);
  });
});
