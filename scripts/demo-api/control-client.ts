// For processes other than the one running the demo API (end-to-end tests, demo scripts): drive
// its /__demo/ control endpoints. Accepts the API base URL or any URL on the same origin.

import type { Fault } from './faults.js';
import type { DemoRequestsReport } from './server.js';

function controlUrl(apiUrl: string, path: string): string {
  return new URL(`/__demo/${path}`, apiUrl).toString();
}

async function call(url: string, init?: RequestInit): Promise<unknown> {
  const response = await fetch(url, init);
  const body: unknown = await response.json();
  if (!response.ok) throw new Error(`demo control ${url} answered HTTP ${response.status}: ${JSON.stringify(body)}`);
  return body;
}

export async function setDemoFault(apiUrl: string, fault: Fault | null): Promise<void> {
  await call(controlUrl(apiUrl, 'fault'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fault),
  });
}

export async function getDemoRequests(apiUrl: string): Promise<DemoRequestsReport> {
  const body = await call(controlUrl(apiUrl, 'requests'));
  if (typeof body !== 'object' || body === null || !('requests' in body) || !('maxInFlight' in body)) {
    throw new Error('demo control answered an unexpected request report');
  }
  // The report comes from this package's own server, whose shape the check above confirms.
  return body as DemoRequestsReport;
}

export async function clearDemoRequests(apiUrl: string): Promise<void> {
  await call(controlUrl(apiUrl, 'requests/clear'), { method: 'POST' });
}
