import '@/utils/locale-zh';
