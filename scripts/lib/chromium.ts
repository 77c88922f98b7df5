import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian's unbranded Chromium honours --load-extension; branded Chrome 137+ does not. */
const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM;
}

/**
 * Makes sure Chromium is installed, installing Debian's package when running as
 * root (as CI does). Browsers that download themselves cannot work offline here.
 */
export function ensureChromium(): string {
  const path = chromiumPath();
  if (existsSync(path)) return path;
  if (process.getuid?.() !== 0) {
    throw new Error(`Chromium not found at ${path}. Install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  console.log('Installing Debian’s chromium package (one time, about 20 s)…');
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (!existsSync(path)) throw new Error(`Installing chromium did not produce ${path}.`);
  return path;
}
