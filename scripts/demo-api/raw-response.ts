// What the server writes for one request, decided before any socket I/O so that faults can
// rewrite it and the request log can record it.

import type { ApiAnswer } from './answers.js';

export interface RawResponse {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
  /** The body's `code` as a client could read it; null when the body is not readable JSON. */
  readonly code: number | null;
}

export const JSON_TYPE = 'application/json';
export const HTML_TYPE = 'text/html; charset=utf-8';

export function jsonResponse(answer: ApiAnswer, status = 200): RawResponse {
  return { status, contentType: JSON_TYPE, body: JSON.stringify(answer), code: answer.code };
}

export function htmlResponse(status: number, html: string): RawResponse {
  return { status, contentType: HTML_TYPE, body: html, code: null };
}

export const NOT_FOUND: ApiAnswer = { code: 404, msg: 'not found', data: null };
export const METHOD_NOT_ALLOWED: ApiAnswer = { code: 405, msg: 'method not allowed', data: null };
export const INTERNAL_ERROR: ApiAnswer = { code: 500, msg: 'demo server error', data: null };
