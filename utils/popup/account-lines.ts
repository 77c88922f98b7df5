import type { PlanView } from '@/utils/budget/spend-view';
import type { Language } from '@/utils/i18n/i18n';
import { formatMoney } from '@/utils/format/money-format';
import { formatDay } from '@/utils/time/day-format';
import type { Money } from '@/utils/base/money';
import { DAY_MS } from '@/utils/base/durations';
import type { Kb } from '@/utils/base/units';

/**
 * The account panel's words on the plan as a budget and on the wallet. Thordata keeps the
 * wallet in US dollars without saying so (thordata-api.md): it is written as USD whatever
 * currency the user's prices are in.
 */
export const WALLET_CURRENCY = 'USD';

export function walletText(wallet: Money, { locale }: Language): string {
  return formatMoney(wallet, WALLET_CURRENCY, locale);
}

export interface PlanLines {
  /** "Plan allowance 3.20 GiB a day to Dec 31". */
  readonly allowance: string;
  /** When the balance runs out at the last 24 hours' rate, against the expiry; null when nothing was used. */
  readonly runsOut: string | null;
}

interface PlanWords {
  readonly language: Language;
  readonly now: number;
  readonly amount: (kb: Kb) => string;
  /** A moment as the popup writes dates. */
  readonly formatDate: (ms: number) => string;
}

/** The plan's lines, or null when its expiry or balance is unknown. */
export function planLines(plan: PlanView, expiresOn: string | null, { language, now, amount, formatDate }: PlanWords): PlanLines | null {
  if (plan.kind !== 'plan' || expiresOn === null) return null;
  const { t, locale } = language;
  const allowance = t('spend.planAllowance', [amount(plan.allowancePerDayKb), formatDay(expiresOn, locale)]);
  if (plan.runsOut === null) return { allowance, runsOut: null };
  const emptyOn = formatDate(now + plan.runsOut.inDays * DAY_MS);
  const days = Math.round(plan.runsOut.beforeExpiryDays);
  const runsOut = days >= 0 ? t('spend.planRunsOut', days, [days, emptyOn]) : t('spend.planLastsPast', -days, [-days, emptyOn]);
  return { allowance, runsOut };
}
