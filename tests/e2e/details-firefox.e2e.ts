import { launchFirefoxDriver } from '../../scripts/lib/firefox-driver';
import { describeDetails } from './details-suite';

// The details journey in Firefox: range picker, days asked once, drill-down and exports.
describeDetails(() => launchFirefoxDriver({ extensionDir: '.output/firefox-mv3-e2e' }));
