import { money, type Money } from '@/utils/base/money';
import { KB_PER_GB, type Kb } from '@/utils/base/units';
import type { ProxyType } from '@/utils/api/thordata-client';
import { PROXY_TYPES, type Prices, type WatchedUser } from '@/utils/settings/model';
import { inMeasure, type UsageLedger, type Weigh } from './usage-ledger';

/** What traffic of a product costs: KB ÷ Thordata's GB (1,048,576 KB) × the product's price; nothing without a price. */
export function costOfKb(amount: Kb, proxyType: ProxyType, prices: Prices): Money {
  return money((amount / KB_PER_GB) * (prices.perGb[proxyType] ?? 0));
}

/** The cost of each user's traffic at its product's price, summed. */
export function costOf(uses: readonly { readonly user: WatchedUser; readonly kb: Kb }[], prices: Prices): Money {
  const weigh = asCost(prices);
  return money(uses.reduce((sum, { user, kb }) => sum + weigh(user, kb), 0));
}

/** Traffic measured as money: each user's at its product's price. */
export function asCost(prices: Prices): Weigh {
  return (user, amount) => costOfKb(amount, user.proxyType, prices);
}

/** Watched products without a price, in the settings' order: their traffic counts in no cost. */
export function unpricedProducts(watched: readonly WatchedUser[], prices: Prices): ProxyType[] {
  return PROXY_TYPES.filter((type) => prices.perGb[type] === null && watched.some((user) => user.proxyType === type));
}

/** Whether any watched product has a price: without one there is no cost to show, nor a money budget to judge. */
export function anyWatchedPrice(watched: readonly WatchedUser[], prices: Prices): boolean {
  return watched.some((user) => prices.perGb[user.proxyType] !== null);
}

export interface CostSoFar {
  readonly hour: Money;
  readonly today: Money;
  readonly cycle: Money;
}

/** The cost of this hour, today and the cycle so far, over everything watched. */
export function costSoFar(ledger: UsageLedger, prices: Prices): CostSoFar {
  const weigh = asCost(prices);
  return {
    hour: money(inMeasure(ledger, weigh, (use) => use.hourKb)),
    today: money(inMeasure(ledger, weigh, (use) => use.todayKb)),
    cycle: money(inMeasure(ledger, weigh, (use) => use.cycleKb)),
  };
}
