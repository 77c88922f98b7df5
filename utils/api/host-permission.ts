/**
 * The host permission pattern for an API base URL. Ports are left out: Firefox's
 * match patterns do not take them, and a host pattern covers every port anyway.
 */
export function hostPattern(apiBaseUrl: string): string {
  const url = new URL(apiBaseUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

export function hostName(apiBaseUrl: string): string {
  return new URL(apiBaseUrl).hostname;
}
