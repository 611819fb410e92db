import { afterEach, describe, expect, it } from 'vitest';
import { connectServer, probeControlApi } from '../../src/server/index.js';
import { requestJson } from '../../src/server/http-json.js';
import { ControlApiError } from '../../src/server/control-client.js';
import { leakedHandles, openHandles } from '../support/handles.js';
import { dribbleForever, hugeBody, startHostileServer, type HostileServer } from '../support/hostile-server.js';

let hostile: HostileServer | undefined;
let baseline: string[];

afterEach(async () => {
  await hostile?.close();
  hostile = undefined;
  expect(await leakedHandles(baseline)).toEqual([]);
});

const start = async (handler: Parameters<typeof startHostileServer>[0]): Promise<string> => {
  baseline = openHandles();
  hostile = await startHostileServer(handler);
  return hostile.url;
};

describe('the control client against a hostile control API', () => {
  it('gives up on a body dribbled one byte at a time at its total deadline, not at an idle timeout', async () => {
    const url = await start(dribbleForever(10));
    await expect(requestJson('GET', `${url}/__control/faults`, undefined, { deadlineMs: 300, maxBodyBytes: 1024 })).rejects.toThrow(/no complete answer from .* within 300 ms/);
  });

  it('gives up on a body past its cap instead of buffering it', async () => {
    const url = await start(hugeBody(64));
    await expect(requestJson('GET', `${url}/__control/stats`, undefined, { deadlineMs: 20_000, maxBodyBytes: 1024 * 1024 })).rejects.toThrow(/larger than 1048576 bytes/);
  });

  it('turns either into a ControlApiError naming the call', async () => {
    const url = await start(dribbleForever(10));
    const control = connectServer(url, { deadlineMs: 200, maxBodyBytes: 1024 });
    await expect(control.faults()).rejects.toThrow(ControlApiError);
    await expect(control.setFault('perfil', { kind: 'timeout' })).rejects.toThrow(/^PUT \/__control\/faults\/perfil failed: no complete answer/);
  });

  it('probes a dribbling server as "no control API" within the probe deadline', async () => {
    const url = await start(dribbleForever(10));
    expect(await probeControlApi(url, 300)).toBe(false);
  });
});
