import fc from 'fast-check';
import { PERSONAL_FIELDS, redactedSnapshot } from '../../src/domain/customer-events.js';
import type { CustomerRecord } from '../../src/domain/customer-record.js';
import { ERASED_NOTE, anonymisation } from '../../src/services/erasure-service.js';

const at = new Date('2026-03-01T10:00:00Z');
const note = (noteId: string, text: string) => ({ noteId, note: text, addedBy: 'admin1', addedAt: at });

describe('When an erasure reaches the events recorded before it', () => {
  test('when the erasure writes its changes, then what it replaces or removes is exactly the personal data the events redact', () => {
    const doc = { id: 'aabbccddeeff001122334455', noteHistory: [note('n1', 'x')] } as unknown as CustomerRecord;
    const { set, remove } = anonymisation(doc, 'admin1', 'reason', at);
    const bookkeeping = new Set(['searchKeys', 'erasedAt', 'erasedBy', 'erasureReason']);
    const touched = [...Object.keys(set ?? {}).filter((k) => !bookkeeping.has(k)), ...(remove ?? [])];
    expect(touched.sort()).toEqual([...PERSONAL_FIELDS].sort());
  });

  test('when any earlier snapshot is redacted, then it keeps no personal value, keeps every other field and every note entry', () => {
    const text = fc.string({ minLength: 3 }).map((s) => `secret:${s}`);
    fc.assert(
      fc.property(
        fc.record(
          {
            email: text,
            fullName: text,
            tags: fc.array(text, { maxLength: 3 }),
            contactNumber: text,
            notes: text,
            noteHistory: fc
              .uniqueArray(fc.stringMatching(/^[0-9a-f]{4}$/), { maxLength: 4 })
              .chain((ids) => fc.tuple(...ids.map((id) => text.map((t) => note(id, t))))),
            totalOrders: fc.nat(),
            customerStatus: fc.constantFrom('Active', 'Suspended'),
          },
          { requiredKeys: ['email', 'fullName', 'totalOrders', 'customerStatus'] },
        ),
        (snapshot) => {
          const doc = { id: 'aabbccddeeff001122334455', noteHistory: snapshot.noteHistory ?? [] } as unknown as CustomerRecord;
          const erased = { ...snapshot, ...anonymisation(doc, 'admin1', 'r', at).set } as Partial<CustomerRecord>;
          delete erased.contactNumber;
          delete erased.notes;
          const redacted = redactedSnapshot(snapshot as Partial<CustomerRecord>, erased);
          expect(JSON.stringify(redacted)).not.toContain('secret:');
          expect(redacted).toMatchObject({ totalOrders: snapshot.totalOrders, customerStatus: snapshot.customerStatus });
          expect(redacted.noteHistory?.map((n) => [n.noteId, n.note])).toEqual(snapshot.noteHistory?.map((n) => [n.noteId, ERASED_NOTE]));
        },
      ),
    );
  });
});
