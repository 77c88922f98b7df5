import '@/utils/i18n/locale-zh';
