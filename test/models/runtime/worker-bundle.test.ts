import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const runtime = fileURLToPath(new URL('../../../dist/models/runtime/', import.meta.url));
const chunkDir = join(runtime, 'worker-chunks');
const chunkOf = (name: string): string => join(chunkDir, readdirSync(chunkDir).find((file) => file.startsWith(`${name}-`)) ?? `${name}-missing.js`);

/** A string each client's own code carries: axios's cancel marker, undici's HTTP parser (llhttp). */
const MARKERS = { axios: '__CANCEL__', undici: 'llhttp' } as const;

/** The source of a module and of every relative file it imports statically (`import … from "./x.js"`, `import "./x.js"`), transitively. */
const staticSource = (file: string, seen = new Set<string>()): string => {
  if (seen.has(file)) return '';
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  const imported = [...source.matchAll(/import\s*(?:[\w{}\s,*$]+from\s*)?["'](\.{1,2}\/[^"']+)["']/g)].map(([, target]) => staticSource(resolve(dirname(file), target as string), seen));
  return [source, ...imported].join('\n');
};

describe('the worker bundle (dist/, built before the tests)', () => {
  it('loads no HTTP client up front: a worker imports the one it uses on its first task', () => {
    const upFront = staticSource(join(runtime, 'request-worker.js'));
    expect(upFront).not.toContain(MARKERS.axios);
    expect(upFront).not.toContain(MARKERS.undici);
  });

  it("each client's chunk brings that client and not the other", () => {
    const axios = staticSource(chunkOf('http-transport'));
    const undici = staticSource(chunkOf('undici-transport'));
    expect([axios.includes(MARKERS.axios), axios.includes(MARKERS.undici)]).toEqual([true, false]);
    expect([undici.includes(MARKERS.undici), undici.includes(MARKERS.axios)]).toEqual([true, false]);
  });
});
