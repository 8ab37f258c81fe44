import { describe, expect, it } from 'vitest';
import { moneyTick, shortLabel } from '../src/chart-format';

describe('When the analytics charts label their axes', () => {
  it('then the money axis shows compact rupee amounts, not raw numbers', () => {
    expect([0, 950, 1500, 150000, 1234567, 15000000].map(moneyTick)).toEqual(['₹0', '₹950', '₹1.5K', '₹1.5L', '₹12.3L', '₹1.5Cr']);
  });

  it('then a long name is shortened with an ellipsis so that labels do not run into each other', () => {
    expect(shortLabel('Asha Rao', 16)).toBe('Asha Rao');
    const short = shortLabel('Venkata Subramanian Raghavan', 16);
    expect(short).toBe('Venkata Subrama…');
    expect(short.length).toBe(16);
  });
});
