/**
 * An amount of money in the currency the user chose (settings: prices). A brand of its own, so
 * that a cost can never be added to a traffic figure, nor a traffic budget compared with a price.
 */
declare const currency: unique symbol;

export type Money = number & { readonly [currency]: 'money' };

export function money(value: number): Money {
  return value as Money;
}
