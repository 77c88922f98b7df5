import { launchExtensionBrowser } from '../../scripts/lib/extension-browser';
import { chromiumDriver } from '../../scripts/lib/playwright-driver';
import { describeJourney } from './journey-suite';

// The browser runs in New York while the API's hours are UTC+8: three clocks must agree.
describeJourney(async () =>
  chromiumDriver(await launchExtensionBrowser({ extensionDir: '.output/chrome-mv3-e2e', timezone: 'America/New_York' })),
);
