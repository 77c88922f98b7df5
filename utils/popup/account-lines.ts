import type { PlanView } from '@/utils/budget/spend-view';
import type { Language } from '@/utils/i18n/i18n';
import { formatMoney } from '@/utils/format/money-format';
import { formatDay } from '@/utils/time/day-format';
import type { Money } from '@/utils/base/money';
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
  /**
   * Where the balance runs out at the last 24 hours' rate against the expiry, said after the
   * forecast's own sentence: "It runs out 5 days before the plan expires." Null when nothing was used.
   */
  readonly margin: string | null;
}

/** The plan's lines, or null when its expiry or balance is unknown. */
export function planLines(plan: PlanView, expiresOn: string | null, language: Language, amount: (kb: Kb) => string): PlanLines | null {
  if (plan.kind !== 'plan' || expiresOn === null) return null;
  const { t, locale } = language;
  const allowance = t('spend.planAllowance', [amount(plan.allowancePerDayKb), formatDay(expiresOn, locale)]);
  if (plan.runsOut === null) return { allowance, margin: null };
  const margin = plan.runsOut.beforeExpiryDays;
  // Rounded alike either side of the expiry (Math.round alone takes -11.5 to -11 but 11.5 to 12).
  const days = Math.sign(margin) * Math.round(Math.abs(margin));
  return { allowance, margin: days >= 0 ? t('spend.planBefore', days, [days]) : t('spend.planPast', -days, [-days]) };
}
