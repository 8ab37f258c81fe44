import { describe, expect, it } from 'vitest';
import { bulkInChunks, collectMatching, SELECT_ALL_CAP } from '../src/bulk';
import { fakeCrms, json } from './fake-crms';

const id = (n: number) => n.toString(16).padStart(24, '0');

describe('When a bulk action covers more customers than one request takes', () => {
  it('then a request that fails after others were applied reports the ids not sent as failed, keeping the applied results', async () => {
    let calls = 0;
    const fake = fakeCrms([
      (req) => {
        if (req.path !== '/api/customers/bulk') return undefined;
        calls += 1;
        if (calls === 2) return json(503, { success: false, message: 'Service temporarily unavailable', errors: [] });
        const ids = (req.body as { customerIds: string[] }).customerIds;
        return json(200, { success: true, message: 'ok', data: { action: 'setType', succeeded: ids.length, failed: 0, results: ids.map((customerId) => ({ customerId, success: true })) } });
      },
    ]);
    const ids = Array.from({ length: 150 }, (_, i) => id(i + 1));
    const result = await bulkInChunks(fake.crms, { action: 'setType', value: 'VIP' }, ids);
    expect(result.succeeded).toBe(100);
    expect(result.failed).toBe(50);
    expect(result.results).toHaveLength(150);
    expect(result.results[100]).toEqual({ customerId: id(101), success: false, error: { message: expect.stringMatching(/^not sent: /) } });
  });

  it('then selecting all that match stops at the cap', async () => {
    const fake = fakeCrms([
      (req) => {
        if (req.path !== '/api/customers') return undefined;
        const start = Number(req.query.get('cursor') ?? '0');
        const customers = Array.from({ length: 100 }, (_, i) => ({ customerId: id(start + i + 1), fullName: `C${start + i + 1}` }));
        return json(200, { success: true, message: 'ok', data: { customers, pagination: { currentPage: 1, totalPages: 50, totalItems: 5000, itemsPerPage: 100, hasNextPage: true, hasPreviousPage: false, nextCursor: String(start + 100) } } });
      },
    ]);
    const selected = await collectMatching(fake.crms, { status: 'Active' });
    expect(selected.size).toBe(SELECT_ALL_CAP);
    expect(fake.seen).toHaveLength(SELECT_ALL_CAP / 100);
  });
});
