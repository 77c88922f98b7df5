import { launchFirefoxDriver } from '../../scripts/lib/firefox-driver';
import { describeAccountsJourney } from './accounts-journey-suite';
import { describeJourney } from './journey-suite';

describeJourney(() => launchFirefoxDriver({ extensionDir: '.output/firefox-mv3-e2e' }));
describeAccountsJourney(() => launchFirefoxDriver({ extensionDir: '.output/firefox-mv3-e2e' }));
