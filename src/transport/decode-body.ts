import { promisify } from 'node:util';
import { brotliDecompress, gunzip, inflate } from 'node:zlib';
import { TransportError } from '../domain/transport.js';

const DECODERS = {
  gzip: promisify(gunzip),
  'x-gzip': promisify(gunzip),
  deflate: promisify(inflate),
  br: promisify(brotliDecompress),
} as const;

/**
 * Decodes a body by its `content-encoding` (gzip, deflate, br; none or `identity` passes through),
 * never past `maxBytes` once decoded. Bytes the encoding cannot decode reject with zlib's own error
 * (a `Z_…` code, classified `malformed`), a decoded body over `maxBytes` with `ERR_BUFFER_TOO_LARGE`
 * (classified `too-large`), an encoding it does not know with a `malformed` {@link TransportError}.
 */
export const decodeBody = async (bytes: Buffer, encoding: string | undefined, maxBytes: number): Promise<Buffer> => {
  const name = encoding?.trim().toLowerCase();
  if (name === undefined || name === '' || name === 'identity') return bytes;
  const decode = DECODERS[name as keyof typeof DECODERS] as (typeof DECODERS)[keyof typeof DECODERS] | undefined;
  if (decode === undefined) throw new TransportError('malformed', `unsupported content encoding "${name}"`, 200);
  return decode(bytes, { maxOutputLength: maxBytes });
};
