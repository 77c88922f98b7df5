import { launchFirefoxDriver } from '../../scripts/lib/firefox-driver';
import { describeJourney } from './journey-suite';

// The accounts journey runs in Firefox too, from accounts.e2e.ts, inside the 100-user cycle's wait.
describeJourney(() => launchFirefoxDriver({ extensionDir: '.output/firefox-mv3-e2e' }));
