import type { Schemas } from '../../api-types.js';
import type { CORE_FIELDS, CustomerSummary } from '../../domain/customer-fields.js';
import type { CustomerRecord, NoteEntry } from '../../domain/customer-record.js';

/**
 * Where response shapes are built (docs/architecture.md): services return records and view models
 * (dates as Date, no wire names); the presenters in this folder turn them into the API's shapes, one
 * file per resource, and handlers send what a presenter built. The one exception is an answer a
 * service stores to serve again verbatim: the idempotent statistics update (replayed to a retry,
 * services/statistics-view.ts) and the analytics figures (shared by every instance through the
 * cache, services/analytics-service.ts) are built by the service, and the handler sends them as is.
 *
 * This file: customer records → the API's customer shapes.
 */

const iso = (d: Date) => d.toISOString();
const isoOpt = (d: Date | undefined | null) => (d ? d.toISOString() : undefined);

/**
 * Drops undefined properties so optional fields are omitted, never null. `T` comes from where the
 * result goes (the presenter's return type), so the object is checked against the API's shape.
 */
function compact<T>(value: NoInfer<T>): T {
  return Object.fromEntries(Object.entries(value as object).filter(([, v]) => v !== undefined)) as T;
}

/** The core fields (domain/customer-fields.ts), as every customer shape starts. */
function core(doc: Pick<CustomerRecord, 'id' | (typeof CORE_FIELDS)[number]>) {
  return {
    customerId: doc.id,
    userId: doc.userId || undefined,
    email: doc.email,
    fullName: doc.fullName,
    contactNumber: doc.contactNumber,
    customerStatus: doc.customerStatus,
    customerType: doc.customerType,
    totalOrders: doc.totalOrders,
    totalOrderValue: doc.totalOrderValue,
    totalComplaints: doc.totalComplaints,
    openComplaints: doc.openComplaints,
    lastOrderDate: isoOpt(doc.lastOrderDate),
  };
}

export function toProfile(doc: CustomerRecord): Schemas['CustomerProfile'] {
  return compact({
    ...core(doc),
    lastComplaintDate: isoOpt(doc.lastComplaintDate),
    customerSince: iso(doc.customerSince),
    preferences: doc.preferences ?? {},
    tags: doc.tags ?? [],
    createdAt: iso(doc.createdAt),
    updatedAt: iso(doc.updatedAt),
  });
}

export function toDetail(doc: CustomerRecord): Schemas['CustomerDetail'] {
  return compact({
    ...toProfile(doc),
    notes: doc.notes,
    metadata: doc.metadata
      ? compact({
          lastLoginDate: isoOpt(doc.metadata.lastLoginDate),
          loginCount: doc.metadata.loginCount,
          lastActivityDate: isoOpt(doc.metadata.lastActivityDate),
        })
      : undefined,
    noteHistory: (doc.noteHistory ?? []).map((n) => ({
      noteId: n.noteId,
      note: n.note,
      addedBy: n.addedBy,
      addedAt: iso(n.addedAt),
    })),
    statusHistory: (doc.statusHistory ?? []).map((c) =>
      compact({ from: c.from, to: c.to, reason: c.reason, changedBy: c.changedBy, changedAt: iso(c.changedAt) }),
    ),
    typeHistory: (doc.typeHistory ?? []).map((c) =>
      compact({ from: c.from, to: c.to, reason: c.reason, changedBy: c.changedBy, changedAt: iso(c.changedAt) }),
    ),
    authSync: doc.authSync
      ? compact({
          status: doc.authSync.status,
          desiredState: doc.authSync.desiredState,
          attempts: doc.authSync.attempts,
          lastError: doc.authSync.lastError,
          updatedAt: iso(doc.authSync.updatedAt),
        })
      : undefined,
    createdBy: doc.createdBy,
    updatedBy: doc.updatedBy,
    erasedAt: isoOpt(doc.erasedAt),
    erasedBy: doc.erasedBy,
    erasureReason: doc.erasureReason,
  });
}

export function toSummary(doc: CustomerSummary): Schemas['CustomerSummary'] {
  return compact({
    ...core(doc),
    customerSince: iso(doc.customerSince),
    createdAt: isoOpt(doc.createdAt),
  });
}

export function toSearchResult(doc: CustomerSummary): Schemas['SearchResult'] {
  const { customerId, email, fullName, contactNumber, customerStatus, customerType, totalOrders } = core(doc);
  return compact({ customerId, email, fullName, contactNumber, customerStatus, customerType, totalOrders });
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function toStatistics(doc: CustomerRecord): Schemas['CustomerStatistics'] {
  return compact({
    customerId: doc.id,
    totalOrders: doc.totalOrders,
    totalOrderValue: doc.totalOrderValue,
    averageOrderValue: doc.totalOrders > 0 ? round2(doc.totalOrderValue / doc.totalOrders) : 0,
    totalComplaints: doc.totalComplaints,
    openComplaints: doc.openComplaints,
    resolvedComplaints: Math.max(0, doc.totalComplaints - doc.openComplaints),
    lastOrderDate: isoOpt(doc.lastOrderDate),
    lastComplaintDate: isoOpt(doc.lastComplaintDate),
    customerSince: iso(doc.customerSince),
  });
}

export function toCustomerList(docs: CustomerSummary[], pagination: Schemas['Pagination']): Schemas['CustomerList'] {
  return { customers: docs.map(toSummary), pagination };
}

export function toSearchResults(docs: CustomerSummary[], totalResults: number, searchTerm: string): Schemas['SearchResults'] {
  return { results: docs.map(toSearchResult), totalResults, searchTerm };
}

export function toCreatedCustomer(doc: CustomerRecord): Schemas['CreatedCustomer'] {
  return {
    customerId: doc.id,
    userId: doc.userId,
    customerStatus: doc.customerStatus,
    customerType: doc.customerType,
    createdAt: iso(doc.createdAt),
  };
}

export function toCustomerUpdate(after: CustomerRecord, updatedBy: string): Schemas['CustomerUpdate'] {
  return {
    customerId: after.id,
    customerType: after.customerType,
    ...(after.notes ? { notes: after.notes } : {}),
    tags: after.tags,
    preferences: after.preferences,
    updatedAt: iso(after.updatedAt),
    updatedBy,
  };
}

export function toStatusUpdate(
  change: { before: CustomerRecord; after: CustomerRecord; authSync: Schemas['StatusUpdate']['authSync'] },
  updatedBy: string,
): Schemas['StatusUpdate'] {
  return {
    customerId: change.after.id,
    customerStatus: change.after.customerStatus,
    previousStatus: change.before.customerStatus,
    updatedAt: iso(change.after.updatedAt),
    updatedBy,
    authSync: change.authSync,
  };
}

export function toTypeUpdate(change: { before: CustomerRecord; after: CustomerRecord }, updatedBy: string): Schemas['TypeUpdate'] {
  return {
    customerId: change.after.id,
    customerType: change.after.customerType,
    previousType: change.before.customerType,
    updatedAt: iso(change.after.updatedAt),
    updatedBy,
  };
}

export function toNoteAdded(after: CustomerRecord, entry: NoteEntry): Schemas['NoteAdded'] {
  return {
    customerId: after.id,
    note: { noteId: entry.noteId, note: entry.note, addedBy: entry.addedBy, addedAt: iso(entry.addedAt) },
    noteCount: after.noteHistory.length,
  };
}

export function toDeletion(customerId: string, deletedAt: Date): Schemas['CustomerDeletion'] {
  return { customerId, deletedAt: iso(deletedAt) };
}

/** `erasedBy` stands in for a record that does not name its eraser. */
export function toErasure(
  erasure: { before: CustomerRecord; after: CustomerRecord; authSync: Schemas['CustomerErasure']['authSync'] },
  erasedBy: string,
): Schemas['CustomerErasure'] {
  const { before, after } = erasure;
  return {
    customerId: after.id,
    erasedAt: iso(after.erasedAt ?? after.updatedAt),
    erasedBy: after.erasedBy ?? erasedBy,
    customerStatus: after.customerStatus,
    previousStatus: before.customerStatus,
    authSync: erasure.authSync,
  };
}

export function toDataExport(customer: CustomerRecord, exportedAt: Date): Schemas['CustomerDataExport'] {
  return { exportedAt: iso(exportedAt), customer: toDetail(customer) };
}
