/** Axis labels of the analytics charts: short enough that neighbouring ticks never overlap. */

const compactMoney = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR', notation: 'compact', maximumFractionDigits: 1 });

/** A money axis tick in rupees, compact in the Indian system: ₹950, ₹1.5K, ₹12.3L, ₹1.5Cr. */
export const moneyTick = (value: number) => compactMoney.format(value);

/** `text` cut to at most `max` characters, the last one an ellipsis when cut. */
export function shortLabel(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
