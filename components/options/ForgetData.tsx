import { useRef, useState } from 'preact/hooks';
import type { Translate } from '@/utils/i18n/i18n';
import { keepFocus, useFocusAfterRender, type Notice } from './form-focus';

/** "Forget token and data": asks in the page first, and wipes only when confirmed. */
export function ForgetData({ t, onForget }: { readonly t: Translate; readonly onForget: () => Promise<void> }) {
  const [stage, setStage] = useState<'idle' | 'confirming' | 'working'>('idle');
  const [notice, setNotice] = useState<Notice>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const focusAfterRender = useFocusAfterRender();

  const ask = () => {
    setNotice(null);
    setStage('confirming');
    // The safe choice takes the focus, so a second Enter does not wipe anything.
    focusAfterRender(() => cancelRef.current);
  };
  const cancel = () => {
    setStage('idle');
    focusAfterRender(() => startRef.current);
  };
  async function forget() {
    setStage('working');
    try {
      await onForget();
      setNotice({ tone: 'ok', text: t('settings.forget.done') });
    } catch {
      setNotice({ tone: 'error', text: t('settings.forget.failed') });
    }
    setStage('idle');
    focusAfterRender(() => startRef.current);
  }

  return (
    <section aria-labelledby="data-heading" class="forget">
      <h2 id="data-heading">{t('settings.section.data')}</h2>
      <p class="muted">{t('settings.forget.intro')}</p>
      {stage === 'idle' ? (
        <button type="button" ref={startRef} onMouseDown={keepFocus} onClick={ask}>
          {t('settings.forget.button')}
        </button>
      ) : (
        <div
          class="confirm"
          role="group"
          aria-labelledby="forget-warning"
          onKeyDown={(e) => {
            if (e.key === 'Escape' && stage === 'confirming') cancel();
          }}
        >
          <p id="forget-warning">{t('settings.forget.warning')}</p>
          <div class="actions">
            <button type="button" class="danger" disabled={stage === 'working'} onClick={() => void forget()}>
              {t('settings.forget.confirm')}
            </button>
            <button type="button" ref={cancelRef} disabled={stage === 'working'} onClick={cancel}>
              {t('settings.forget.cancel')}
            </button>
          </div>
        </div>
      )}
      <p class={`notice ${notice?.tone ?? ''}`} role="status" data-testid="forget-result">
        {notice?.text}
      </p>
    </section>
  );
}
