import type { Settings } from './model';

/** Ready to poll: a token saved and at least one username. */
export function isConfigured(settings: Settings, tokenSaved: boolean): boolean {
  return tokenSaved && settings.usernames.length > 0;
}
