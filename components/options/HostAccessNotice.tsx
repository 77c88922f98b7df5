import { useState } from 'preact/hooks';
import type { Locale } from '@/utils/i18n/locale';

interface HostAccessNoticeProps {
  readonly host: string;
  readonly granted: boolean;
  readonly locale: Locale;
  /** Must run straight from the click: browsers only ask for permissions on a user gesture. */
  readonly onRequest: () => Promise<boolean>;
}

const TEXT = {
  en: {
    missing: (host: string) =>
      `This browser has not allowed the extension to reach ${host}, so no figures can be fetched.`,
    allow: 'Allow access',
    refused: 'Access was not allowed. Press the button again and accept the browser’s prompt.',
  },
  'zh-CN': {
    missing: (host: string) => `浏览器尚未允许本扩展访问 ${host}，因此无法获取数据。`,
    allow: '允许访问',
    refused: '未获得访问权限。请再次点击按钮，并在浏览器提示中选择允许。',
  },
} as const;

/** Shown when Firefox (or a user) withheld the API host permission: asks for it instead of failing silently. */
export function HostAccessNotice({ host, granted, locale, onRequest }: HostAccessNoticeProps) {
  const [state, setState] = useState<'granted' | 'missing' | 'refused'>(granted ? 'granted' : 'missing');
  if (state === 'granted') return null;
  const text = TEXT[locale];
  return (
    <div class="banner warn host-access" role="alert" data-testid="host-access">
      <p>{state === 'refused' ? text.refused : text.missing(host)}</p>
      <button type="button" class="primary" onClick={() => void onRequest().then((ok) => setState(ok ? 'granted' : 'refused'))}>
        {text.allow}
      </button>
    </div>
  );
}
