import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: unknown;
}

const read = (dir: string): Manifest => JSON.parse(readFileSync(`.output/${dir}/manifest.json`, 'utf8')) as Manifest;

describe('the production build', () => {
  const manifest = read('chrome-mv3');

  it('is MV3 and asks only for storage, alarms and notifications', () => {
    expect(manifest.manifest_version).toBe(3);
    expect([...(manifest.permissions ?? [])].sort()).toEqual(['alarms', 'notifications', 'storage']);
    expect(manifest.optional_permissions ?? []).toEqual([]);
  });

  it('reaches only the Thordata API: no loopback, no other host', () => {
    expect(manifest.host_permissions).toEqual(['https://openapi.thordata.com/*']);
    expect(manifest.optional_host_permissions ?? []).toEqual([]);
    expect(JSON.stringify(manifest)).not.toMatch(/127\.0\.0\.1|localhost/);
  });

  it('differs from the demo build only by the loopback hosts', () => {
    const demo = read('chrome-mv3-e2e');
    expect(demo.permissions).toEqual(manifest.permissions);
    expect(demo.host_permissions).toEqual([...(manifest.host_permissions ?? []), 'http://127.0.0.1/*', 'http://localhost/*']);
  });
});
