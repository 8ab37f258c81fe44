import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { invalidateAfterWrite, keys, STATUSES, TYPES } from '../src/data';

describe('When a customer write succeeds', () => {
  it('then every cached answer about customers (list, search, detail, histories) and the analytics are stale', async () => {
    const qc = new QueryClient();
    const cached = [
      keys.customerList({ status: 'Active' }),
      keys.customerSearch('asha'),
      keys.customer('c1'),
      keys.customerHistory('orders', 'c1', 1),
      keys.customerHistory('complaints', 'c1', 2),
      keys.analytics(),
    ];
    for (const key of cached) qc.setQueryData(key, { old: true });
    await invalidateAfterWrite(qc);
    for (const key of cached) expect(qc.getQueryState(key)?.isInvalidated).toBe(true);
  });

  it('then the status and type lists are the contract\'s enums', () => {
    expect(STATUSES).toEqual(['Active', 'Inactive', 'Suspended']);
    expect(TYPES).toEqual(['Regular', 'Premium', 'VIP']);
  });
});
