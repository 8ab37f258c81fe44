import type { Schemas } from '../api-types.js';
import { COUNTERS, type CustomerChange, type CustomerRecord } from './customer-record.js';

/** The event types of the contract (the spec's `webhooks`, listed by its `WebhookEventType`). */
export type EventType = Schemas['WebhookEventType'];
/** A subscription's state (the spec's `WebhookSubscriptionStatus`). */
export type SubscriptionStatus = Schemas['WebhookSubscriptionStatus'];

/** Who made a change: a signed-in user (administrator or the customer), a sibling service, or CRMS. */
export interface EventActor {
  type: 'user' | 'service' | 'system';
  id?: string;
}

/** What a change was, beyond the state after it (the envelope's `data.change`). */
export interface EventChange {
  fields?: string[];
  from?: string;
  to?: string;
  reason?: string;
  authSync?: 'pending' | 'synced';
  noteId?: string;
  increment?: Partial<Record<(typeof COUNTERS)[number], number>>;
}

/** An event as recorded with the change itself, before it has its sequence number. */
export interface RecordedEvent {
  type: EventType;
  at: Date;
  actor: EventActor;
  change: EventChange;
}

/** Fields every write touches for bookkeeping; writing only these is no event. */
const BOOKKEEPING = new Set(['updatedAt', 'updatedBy', 'searchKeys', 'authSync']);
const STATUS_FIELDS = new Set(['customerStatus']);
const TYPE_FIELDS = new Set(['customerType']);
const STATISTICS_FIELDS = new Set<string>([...COUNTERS, 'lastOrderDate', 'lastComplaintDate']);

const ERASURE_FIELDS = new Set([
  'email',
  'fullName',
  'tags',
  'noteHistory',
  'erasedAt',
  'erasedBy',
  'erasureReason',
  'contactNumber',
  'notes',
]);

/** The id of an event: stable across attempts, derived from the customer and its sequence number. */
export const eventIdOf = (customerId: string, sequence: number) => `evt_${customerId.toLowerCase()}_${sequence}`;

/**
 * The events a change makes, in the order they are recorded: derived from the change itself (one
 * place, whatever service wrote it). Bookkeeping-only writes (an Auth-sync claim or its outcome, an
 * idempotency key) make none.
 */
export function eventsOf(change: CustomerChange, at: Date): RecordedEvent[] {
  const set = (change.set ?? {}) as Record<string, unknown>;
  const updatedBy = typeof set['updatedBy'] === 'string' ? set['updatedBy'] : undefined;
  const touched = Object.keys(set).filter((k) => set[k] !== undefined && !BOOKKEEPING.has(k));
  const hasIncrement = Object.values(change.increment ?? {}).some((d) => d !== undefined && d !== 0);
  const userActor = (id: string | undefined): EventActor => (id ? { type: 'user', id } : { type: 'system' });
  const events: RecordedEvent[] = [];

  const status = change.appendStatusChange;
  if (status) {
    const authSync = change.set?.authSync?.status;
    events.push({
      type: 'customer.status_changed',
      at,
      actor: userActor(status.changedBy),
      change: {
        fields: ['customerStatus'],
        ...(status.from ? { from: status.from } : {}),
        to: status.to,
        ...(status.reason ? { reason: status.reason } : {}),
        ...(authSync ? { authSync } : {}),
      },
    });
  }
  const erased = change.set?.erasedAt !== undefined;
  if (erased) {
    events.push({
      type: 'customer.erased',
      at,
      actor: userActor(change.set?.erasedBy ?? updatedBy),
      change: {
        fields: [...touched.filter((k) => ERASURE_FIELDS.has(k)), ...(change.remove ?? [])],
        ...(change.set?.erasureReason ? { reason: change.set.erasureReason } : {}),
      },
    });
  }
  const type = change.appendTypeChange;
  if (type) {
    events.push({
      type: 'customer.type_changed',
      at,
      actor: userActor(type.changedBy),
      change: {
        fields: ['customerType'],
        ...(type.from ? { from: type.from } : {}),
        to: type.to,
        ...(type.reason ? { reason: type.reason } : {}),
      },
    });
  }
  if (change.appendNote) {
    events.push({
      type: 'customer.note_added',
      at,
      actor: userActor(change.appendNote.addedBy),
      change: { fields: ['noteHistory'], noteId: change.appendNote.noteId },
    });
  }
  if (hasIncrement || touched.some((k) => STATISTICS_FIELDS.has(k))) {
    const increment = Object.fromEntries(Object.entries(change.increment ?? {}).filter(([, d]) => d !== undefined && d !== 0));
    events.push({
      type: 'customer.statistics_changed',
      at,
      actor: updatedBy ? userActor(updatedBy) : { type: 'service' },
      change: {
        fields: [...Object.keys(increment), ...touched.filter((k) => STATISTICS_FIELDS.has(k) && !(k in increment))],
        ...(Object.keys(increment).length > 0 ? { increment } : {}),
      },
    });
  }
  if (!erased) {
    const profile = [
      ...touched.filter(
        (k) => !STATUS_FIELDS.has(k) && !TYPE_FIELDS.has(k) && !STATISTICS_FIELDS.has(k) && !(k === 'noteHistory' && change.appendNote),
      ),
      ...Object.keys(change.preferences ?? {}).map((k) => `preferences.${k}`),
      ...(change.remove ?? []),
    ];
    if (profile.length > 0) events.push({ type: 'customer.updated', at, actor: userActor(updatedBy), change: { fields: profile } });
  }
  return events;
}

/** The event of a record's creation (internal create, or `/me` healing a missing record). */
export function createdEventOf(record: CustomerRecord): RecordedEvent {
  return {
    type: 'customer.created',
    at: record.createdAt,
    actor: record.createdBy ? { type: 'user', id: record.createdBy } : { type: 'service' },
    change: { fields: ['userId', 'email', 'fullName', ...(record.contactNumber ? ['contactNumber'] : [])] },
  };
}

/** The event of a record's deletion, by an administrator or by CRMS itself. */
export function deletedEventOf(actorId: string | undefined, at: Date): RecordedEvent {
  return { type: 'customer.deleted', at, actor: actorId ? { type: 'user', id: actorId } : { type: 'system' }, change: {} };
}

/** The personal data an erasure replaces or removes (see ErasureService's anonymisation). */
export const PERSONAL_FIELDS = ['email', 'fullName', 'tags', 'noteHistory', 'contactNumber', 'notes'] as const;

/**
 * An earlier event's snapshot of a customer with its personal data taken from the erased state:
 * what the erasure replaced is replaced here too, what it removed is removed; each note keeps its
 * entry (id, author, time) with the erased text. Everything else stays as it was at that event.
 */
export function redactedSnapshot<T extends Partial<Pick<CustomerRecord, (typeof PERSONAL_FIELDS)[number]>>>(
  snapshot: T,
  erased: Partial<CustomerRecord>,
): T {
  const personal = new Set<string>(PERSONAL_FIELDS);
  const redacted: Record<string, unknown> = Object.fromEntries(Object.entries(snapshot).filter(([k]) => !personal.has(k)));
  for (const field of PERSONAL_FIELDS) if (field !== 'noteHistory' && erased[field] !== undefined) redacted[field] = erased[field];
  if (Array.isArray(snapshot.noteHistory)) {
    const erasedNotes = new Map((erased.noteHistory ?? []).map((entry) => [entry.noteId, entry.note]));
    const placeholder = erased.noteHistory?.[0]?.note ?? '';
    redacted['noteHistory'] = snapshot.noteHistory.map((entry) => ({ ...entry, note: erasedNotes.get(entry.noteId) ?? placeholder }));
  }
  return redacted as T;
}
