import { popupApi, readStored } from '@/utils/popup-storage';

/**
 * Imported first by main.tsx, so the storage read is under way while the rest of the
 * popup's code (Preact, the views, the styles) is still being evaluated.
 */
export const firstRead = readStored(popupApi());
