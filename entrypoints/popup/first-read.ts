import { popupApi, readStored } from '@/utils/popup/stored-reads';

/**
 * What the popup shows first: what storage.local holds, asked for before anything else (main.tsx
 * imports this first). The answer comes through the browser's main thread, busy opening the page,
 * a few milliseconds later; the rest of the popup's script is evaluated meanwhile.
 */
export const firstRead = readStored(popupApi());
