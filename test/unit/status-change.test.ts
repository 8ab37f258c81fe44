import { toRecord } from '../../src/data/customer-records.js';
import type { CustomerRecord } from '../../src/domain/customer-record.js';
import type { CustomerService, Decision, Mutation } from '../../src/services/customer-service.js';
import { StatusChangeService, type AuthSyncPort } from '../../src/services/status-service.js';
import { TestClock } from '../support/clock.js';
import { customerRecord } from '../../support/customer-records.js';

const admin = { userId: 'admin1', authorization: 'Bearer t' };

/**
 * The customer service's read → decide → conditional write, where every write but the last loses
 * to another writer: `build` sees each record of `reads` in turn, only the last decision is written.
 */
function racingCustomers(reads: CustomerRecord[]): Pick<CustomerService, 'decide'> {
  return {
    async decide<F>(_id: string, build: (doc: CustomerRecord) => Decision<F>): Promise<Mutation & { flags: F }> {
      let result: (Mutation & { flags: F }) | undefined;
      for (const before of reads) {
        const { change, flags } = build(before);
        const after = change === null ? before : { ...before, ...change.set, version: before.version + 1 };
        result = { before, after, flags };
      }
      if (!result) throw new Error('no read');
      return result;
    },
  };
}

function recordingAuthSync(): AuthSyncPort & { deliveries: number } {
  return {
    deliveries: 0,
    claimForImmediateAttempt: (now) => ({ claimedBy: 'this-request', claimedUntil: new Date(now.getTime() + 30_000) }),
    async syncNow(customer) {
      this.deliveries += 1;
      return { state: 'synced', customer };
    },
  };
}

describe('When a status change is decided again after losing a write to another admin', () => {
  test('when the first read had a pending sync to retry and the record read again has nothing to tell Auth, then the Auth Service is not called', async () => {
    const clock = new TestClock();
    const at = clock.now();
    const pendingInactive = toRecord(
      customerRecord({
        customerStatus: 'Inactive',
        authSync: { status: 'pending', desiredState: 'inactive', actingAdminId: 'admin0', attempts: 3, nextAttemptAt: at, updatedAt: at },
      }),
    );
    // meanwhile another admin suspended the customer, and the worker delivered the inactive state
    const suspendedSynced: CustomerRecord = {
      ...pendingInactive,
      customerStatus: 'Suspended',
      authSync: { status: 'synced', desiredState: 'inactive', actingAdminId: 'admin2', attempts: 4, nextAttemptAt: at, updatedAt: at },
      version: pendingInactive.version + 2,
    };
    const authSync = recordingAuthSync();
    const service = new StatusChangeService(racingCustomers([pendingInactive, suspendedSynced]), authSync, clock);

    const result = await service.change({ customerId: pendingInactive.id, status: 'Inactive', admin, requestId: 'r1' });

    expect(result.after.customerStatus).toBe('Inactive');
    expect(result.authSync).toBe('synced');
    expect(authSync.deliveries).toBe(0);
  });

  test('when the record read again still has the pending sync, then it is tried at once, exactly once', async () => {
    const clock = new TestClock();
    const at = clock.now();
    const pendingInactive = toRecord(
      customerRecord({
        customerStatus: 'Inactive',
        authSync: { status: 'pending', desiredState: 'inactive', actingAdminId: 'admin0', attempts: 3, nextAttemptAt: at, updatedAt: at },
      }),
    );
    const authSync = recordingAuthSync();
    const service = new StatusChangeService(racingCustomers([pendingInactive, { ...pendingInactive, version: 2 }]), authSync, clock);

    await service.change({ customerId: pendingInactive.id, status: 'Inactive', admin, requestId: 'r1' });

    expect(authSync.deliveries).toBe(1);
  });
});
