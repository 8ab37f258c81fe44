import type { Schemas } from '../api-types.js';
import type { CustomerSummary } from '../data/customer-repository.js';
import type { CustomerRecord } from '../domain/customer-record.js';

const iso = (d: Date) => d.toISOString();
const isoOpt = (d: Date | undefined | null) => (d ? d.toISOString() : undefined);

/** Drops undefined properties so optional fields are omitted, never null. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function toProfile(doc: CustomerRecord): Schemas['CustomerProfile'] {
  return compact({
    customerId: doc.id,
    userId: doc.userId,
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
    customerId: doc.id,
    userId: doc.userId,
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
    customerSince: iso(doc.customerSince),
  });
}

export function toSearchResult(doc: CustomerSummary): Schemas['SearchResult'] {
  return compact({
    customerId: doc.id,
    email: doc.email,
    fullName: doc.fullName,
    contactNumber: doc.contactNumber,
    customerStatus: doc.customerStatus,
    customerType: doc.customerType,
    totalOrders: doc.totalOrders,
  });
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

export function toStatisticsUpdate(doc: CustomerRecord): Schemas['StatisticsUpdate'] {
  return compact({
    customerId: doc.id,
    totalOrders: doc.totalOrders,
    totalOrderValue: doc.totalOrderValue,
    totalComplaints: doc.totalComplaints,
    openComplaints: doc.openComplaints,
    lastOrderDate: isoOpt(doc.lastOrderDate),
    lastComplaintDate: isoOpt(doc.lastComplaintDate),
    updatedAt: iso(doc.updatedAt),
  });
}
