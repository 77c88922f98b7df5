import { popupApi, readStored } from '@/utils/popup-storage';

/**
 * Imported first by main.tsx, so the storage read is under way while the rest of the
 * popup's code (Chart.js above all) is still being evaluated.
 */
export const firstRead = readStored(popupApi());
