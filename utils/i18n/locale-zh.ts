import { registerChineseErrors } from '@/utils/api/errors';
import { chineseErrorDescription } from '@/utils/api/errors-zh';
import { registerPopupText } from '@/utils/popup/popup-text';
import { zhCN } from '@/utils/popup/popup-text-zh';

/**
 * Makes the Simplified Chinese words available. Imported statically by the
 * background and the settings page, and loaded on demand by the popup, so an
 * English popup does not carry them.
 */
registerPopupText('zh-CN', zhCN);
registerChineseErrors(chineseErrorDescription);
