import { useState } from 'preact/hooks';
import type { Translate } from '@/utils/i18n/i18n';

interface HostAccessNoticeProps {
  readonly host: string;
  readonly granted: boolean;
  readonly t: Translate;
  /** Must run straight from the click: browsers only ask for permissions on a user gesture. */
  readonly onRequest: () => Promise<boolean>;
}

/** Shown when Firefox (or a user) withheld the API host permission: asks for it instead of failing silently. */
export function HostAccessNotice({ host, granted, t, onRequest }: HostAccessNoticeProps) {
  const [state, setState] = useState<'granted' | 'missing' | 'refused'>(granted ? 'granted' : 'missing');
  if (state === 'granted') return null;
  return (
    <div class="banner warn host-access" role="alert" data-testid="host-access">
      <p>{state === 'refused' ? t('settings.hostAccess.refused') : t('settings.hostAccess.missing', [host])}</p>
      <button type="button" class="primary" onClick={() => void onRequest().then((ok) => setState(ok ? 'granted' : 'refused'))}>
        {t('settings.hostAccess.allow')}
      </button>
    </div>
  );
}
