import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian's unbranded Chromium honours --load-extension; branded Chrome 137+ does not. */
const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** A small Chinese font, so that zh-CN screenshots show text rather than empty boxes. */
const CJK_FONT_PACKAGE = 'fonts-wqy-microhei';
const CJK_FONT_FILE = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

/** Chromium's own translations: without them its UI, and so the extension, can only be English. */
const L10N_PACKAGE = 'chromium-l10n';
const L10N_FILE = '/usr/lib/chromium/locales/zh-CN.pak';

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM;
}

function aptInstall(packages: string[]): void {
  execFileSync('apt-get', ['update'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

/**
 * Makes sure Chromium (with its translations and a Chinese font) is installed, installing Debian's
 * packages when running as root (as CI does). Browsers that download themselves
 * cannot work offline here.
 */
export function ensureChromium(): string {
  const path = chromiumPath();
  const missing = [
    ...(existsSync(path) ? [] : ['chromium']),
    ...(existsSync(CJK_FONT_FILE) ? [] : [CJK_FONT_PACKAGE]),
    ...(existsSync(L10N_FILE) ? [] : [L10N_PACKAGE]),
  ];
  if (missing.length === 0) return path;
  if (process.getuid?.() !== 0) {
    if (!existsSync(path)) {
      throw new Error(`Chromium not found at ${path}. Install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`);
    }
    return path;
  }
  console.log(`Installing Debian packages: ${missing.join(', ')} (one time)…`);
  aptInstall(missing);
  if (!existsSync(path)) throw new Error(`Installing chromium did not produce ${path}.`);
  return path;
}
