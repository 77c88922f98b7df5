import { registerChineseErrors } from './api-errors';
import { chineseErrorDescription } from './api-errors-zh';
import { registerPopupText } from './popup-text';
import { zhCN } from './popup-text-zh';

/**
 * Makes the Simplified Chinese words available. Imported statically by the
 * background and the settings page, and loaded on demand by the popup, so an
 * English popup does not carry them.
 */
registerPopupText('zh-CN', zhCN);
registerChineseErrors(chineseErrorDescription);
