// Reading and writing node:http messages for the demo server: answers sent whole with their
// length, and control bodies read with a size cap.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RawResponse } from './raw-response.js';

const MAX_CONTROL_BODY_BYTES = 64 * 1024;

export function sendRaw(res: ServerResponse, raw: RawResponse): void {
  res.writeHead(raw.status, {
    'content-type': raw.contentType,
    'content-length': Buffer.byteLength(raw.body),
    'cache-control': 'no-store',
  });
  res.end(raw.body);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** The body as text, or null when it is larger than a control request has any reason to be. */
export async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_CONTROL_BODY_BYTES) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
