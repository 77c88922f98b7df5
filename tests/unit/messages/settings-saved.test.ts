import { describe, expect, it } from 'vitest';
import { parseBackgroundRequest, SETTINGS_SAVED, tellSettingsSaved, type BackgroundRequest } from '@/utils/messages/messages';

describe('tellSettingsSaved', () => {
  it('sends the one settings-saved request, which the background reads back as itself', () => {
    const sent: BackgroundRequest[] = [];
    tellSettingsSaved(async (message) => void sent.push(message));
    expect(sent).toEqual([{ type: 'settings-saved' }]);
    expect(parseBackgroundRequest(SETTINGS_SAVED)).toEqual(SETTINGS_SAVED);
  });

  it('does not turn a background that cannot answer into the page’s error', async () => {
    // An uncaught rejection here would fail the run as an unhandled one.
    tellSettingsSaved(() => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')));
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
});
