import { launchFirefoxDriver } from '../../scripts/lib/firefox-driver';
import { describeJourney } from './journey-suite';

describeJourney(() => launchFirefoxDriver({ extensionDir: '.output/firefox-mv3-e2e' }));
