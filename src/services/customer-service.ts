import type { Schemas, BodyOf, QueryOf } from '../api-types.js';
import type { Config } from '../config.js';
import { DuplicateCustomerError, type CustomerStore } from '../data/customer-repository.js';
import type { CustomerSummary } from '../domain/customer-fields.js';
import { newId } from '../data/customer-records.js';
import { CURRENT_SCHEMA_VERSION } from '../data/stored-customer.js';
import type { CustomerCriteria, PagePosition } from '../domain/customer-criteria.js';
import type { CustomerChange, CustomerRecord, CustomerType, NoteEntry, Precondition } from '../domain/customer-record.js';
import { decodeCursor, encodeCursor, type SortField, type SortOrder } from '../domain/cursor.js';
import type { Actor, AdminWrite } from '../domain/actor.js';
import type { Clock } from '../domain/clock.js';
import { parseInputDate } from '../domain/dates.js';
import { buildSearchKeys } from '../domain/search-keys.js';
import { normaliseTags } from '../domain/tags.js';
import { customerCriteria, filterFingerprint, searchCriteria } from './customer-filters.js';
import { checkCreateCustomer } from './customer-input.js';
import { BusinessRuleError, ConflictError, NotFoundError, PreconditionFailedError, ValidationError } from '../errors.js';

export type ListQuery = QueryOf<'listCustomers'>;
export type CreateCustomerBody = BodyOf<'createCustomerRecord'>;
export type UpdateCustomerBody = BodyOf<'updateCustomer'>;

/** A decision on the record as read: the change to write (null: nothing to write) and what deciding found out. */
export interface Decision<F> {
  change: CustomerChange | null;
  flags: F;
}

export interface Mutation {
  before: CustomerRecord;
  after: CustomerRecord;
}

/**
 * An administrator's write to one customer record: the part of an {@link AdminWrite} the record's
 * own rules need (the admin's id for histories and `updatedBy`, the `If-Match` condition).
 */
interface RecordWrite extends Pick<AdminWrite, 'ifMatch'> {
  customerId: string;
  admin: Pick<Actor, 'userId'>;
}

/** `PATCH /api/customers/{customerId}`. */
export interface CustomerUpdate extends RecordWrite {
  body: UpdateCustomerBody;
}

export interface TypeChange extends RecordWrite {
  customerType: CustomerType;
  reason?: string | undefined;
}

export interface NoteAddition extends RecordWrite {
  note: string;
}

const MAX_ATTEMPTS = 20;

/** Business rules of the customer record: reads, admin edits, creation by the Auth Service. */
export class CustomerService {
  constructor(
    private readonly repo: CustomerStore,
    private readonly config: Config,
    private readonly clock: Clock,
  ) {}

  async get(id: string): Promise<CustomerRecord> {
    const doc = await this.repo.findById(id);
    if (!doc) throw new NotFoundError();
    return doc;
  }

  findByUserId(userId: string): Promise<CustomerRecord | null> {
    return this.repo.findByUserId(userId);
  }

  /** Marks `doc` as an administrator's record (CustomerRecord.isAdministrator); the record after it. */
  async markAdministrator(doc: CustomerRecord): Promise<CustomerRecord> {
    return (await this.repo.markAdministrator(doc.id)) ?? doc;
  }

  async getByUserId(userId: string): Promise<CustomerRecord> {
    const doc = await this.repo.findByUserId(userId);
    if (!doc) {
      throw new NotFoundError('Customer not found', [{ field: 'userId', message: 'No customer record exists for this user' }]);
    }
    return doc;
  }

  /**
   * Read → decide → conditional write on the version read, retried when another writer got in
   * between (serialised per customer where the database needs it). With `ifMatch`, a record other
   * than the one the client saw is a 412 and nothing changes.
   */
  async mutate(id: string, build: (doc: CustomerRecord) => CustomerChange | null, ifMatch?: Precondition): Promise<Mutation> {
    const { before, after } = await this.decide(id, (doc) => ({ change: build(doc), flags: undefined }), ifMatch);
    return { before, after };
  }

  /**
   * {@link mutate} where deciding also tells the caller something about the change: the answer
   * carries the flags of the decision that was written (a retry decides again from scratch, so
   * nothing of a lost attempt survives).
   */
  async decide<F>(id: string, build: (doc: CustomerRecord) => Decision<F>, ifMatch?: Precondition): Promise<Mutation & { flags: F }> {
    return this.repo.exclusive(id, async () => {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const before = await this.get(id);
        if (ifMatch !== undefined && !ifMatch(before)) throw new PreconditionFailedError();
        const { change, flags } = build(before);
        if (change === null) return { before, after: before, flags };
        const after = await this.repo.change(id, change, before.version);
        if (after) return { before, after, flags };
        if (ifMatch !== undefined) throw new PreconditionFailedError();
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * (attempt + 1)));
      }
      throw new ConflictError('Concurrent modification', [
        { field: 'customer', message: 'The customer is being modified concurrently; please retry' },
      ]);
    });
  }

  /**
   * A new record under the rules of `POST …/internal/create`, whoever supplies `input` (400 naming
   * every bad field); `administrator`: the record is an administrator's (CustomerRecord.isAdministrator).
   */
  async create(input: CreateCustomerBody, { administrator = false }: { administrator?: boolean } = {}): Promise<CustomerRecord> {
    const body = checkCreateCustomer(input);
    const now = this.clock.now();
    const email = body.email.trim().toLowerCase();
    const fullName = body.fullName.trim();
    if (fullName.length < 2) throw new ValidationError([{ field: 'fullName', message: 'Must be 2-100 characters' }]);
    const doc: CustomerRecord = {
      id: newId(),
      userId: body.userId,
      email,
      fullName,
      ...(body.contactNumber ? { contactNumber: body.contactNumber } : {}),
      customerStatus: 'Active',
      customerType: 'Regular',
      totalOrders: 0,
      totalOrderValue: 0,
      totalComplaints: 0,
      openComplaints: 0,
      customerSince: body.customerSince ? parseInputDate(body.customerSince, 'customerSince') : now,
      tags: [],
      preferences: { newsletter: false, notifications: true, language: 'en' },
      noteHistory: [],
      statusHistory: [],
      typeHistory: [],
      searchKeys: buildSearchKeys({ fullName, email, contactNumber: body.contactNumber }),
      version: 1,
      schemaVersion: CURRENT_SCHEMA_VERSION,
      ...(administrator ? { isAdministrator: true as const } : {}),
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.repo.insert(doc);
    } catch (err) {
      if (err instanceof DuplicateCustomerError) {
        throw new ConflictError('Customer record already exists', [
          { field: 'userId', message: 'A customer record already exists for this user' },
        ]);
      }
      throw err;
    }
    return doc;
  }

  async list(query: ListQuery): Promise<{ customers: CustomerSummary[]; pagination: Schemas['Pagination'] }> {
    const { defaultPageSize, maxPageSize } = this.config.pagination;
    const limit = query.limit ?? defaultPageSize;
    if (limit > maxPageSize) throw new ValidationError([{ field: 'limit', message: `Must be at most ${maxPageSize}` }]);
    const sortBy: SortField = query.sortBy ?? 'createdAt';
    const sortOrder: SortOrder = query.sortOrder ?? 'desc';
    const criteria: CustomerCriteria = customerCriteria(query);
    const filters = filterFingerprint(query);

    let page = query.page ?? 1;
    let after: PagePosition | undefined;
    let skip = (page - 1) * limit;
    if (query.cursor !== undefined) {
      if (query.page !== undefined && query.page !== 1) {
        throw new ValidationError([{ field: 'cursor', message: 'Cannot be combined with page; follow nextCursor instead' }]);
      }
      const position = decodeCursor(query.cursor);
      if (position.sortBy !== sortBy || position.sortOrder !== sortOrder) {
        throw new ValidationError([
          { field: 'cursor', message: 'Was issued for another sortBy/sortOrder; pass the same sorting as the first page' },
        ]);
      }
      if (position.filters !== filters) {
        throw new ValidationError([{ field: 'cursor', message: 'Was issued for other filters; pass the same filters as the first page' }]);
      }
      page = position.page;
      skip = 0;
      after = { value: position.value, id: position.id };
    }
    const [rows, totalItems] = await Promise.all([
      this.repo.findPage({ criteria, sort: { field: sortBy, order: sortOrder }, ...(after ? { after } : {}), skip, limit: limit + 1 }),
      this.repo.count(criteria),
    ]);
    const pageRows = rows.slice(0, limit);
    const customers = pageRows.map((row) => row.customer);
    const hasMore = rows.length > limit;
    const last = pageRows.at(-1);
    const totalPages = Math.ceil(totalItems / limit);
    return {
      customers,
      pagination: {
        currentPage: page,
        totalPages,
        totalItems,
        itemsPerPage: limit,
        hasNextPage: hasMore,
        hasPreviousPage: page > 1,
        nextCursor:
          hasMore && last
            ? encodeCursor({ sortBy, sortOrder, value: last.sortValue, id: last.customer.id, page: page + 1, filters })
            : null,
      },
    };
  }

  async search(q: string, limit: number, includeAdministrators = false): Promise<{ results: CustomerSummary[]; totalResults: number }> {
    const criteria: CustomerCriteria = {
      searchPrefixes: searchCriteria(q, 'q'),
      ...(includeAdministrators ? { includeAdministrators } : {}),
    };
    const [rows, totalResults] = await Promise.all([this.repo.findPage({ criteria, skip: 0, limit }), this.repo.count(criteria)]);
    return { results: rows.map((row) => row.customer), totalResults };
  }

  async update({ customerId, body, admin, ifMatch }: CustomerUpdate): Promise<Mutation> {
    const adminId = admin.userId;
    const tags = body.tags ? normaliseTags(body.tags) : undefined;
    return this.mutate(
      customerId,
      (doc) => {
        const now = this.clock.now();
        const change: CustomerChange = {
          set: {
            updatedAt: now,
            updatedBy: adminId,
            ...(body.notes !== undefined ? { notes: body.notes } : {}),
            ...(tags ? { tags } : {}),
          },
          ...(body.preferences ? { preferences: body.preferences } : {}),
        };
        if (body.customerType !== undefined && body.customerType !== doc.customerType) {
          change.set = { ...change.set, customerType: body.customerType };
          change.appendTypeChange = { from: doc.customerType, to: body.customerType, changedBy: adminId, changedAt: now };
        }
        return change;
      },
      ifMatch,
    );
  }

  async setType({ customerId, customerType, reason, admin, ifMatch }: TypeChange): Promise<Mutation> {
    const adminId = admin.userId;
    return this.mutate(
      customerId,
      (doc) => {
        if (doc.customerType === customerType) return null;
        const now = this.clock.now();
        return {
          set: { customerType, updatedAt: now, updatedBy: adminId },
          appendTypeChange: { from: doc.customerType, to: customerType, ...(reason ? { reason } : {}), changedBy: adminId, changedAt: now },
        };
      },
      ifMatch,
    );
  }

  async addNote({ customerId, note, admin, ifMatch }: NoteAddition): Promise<Mutation & { entry: NoteEntry }> {
    const adminId = admin.userId;
    const entry: NoteEntry = { noteId: newId(), note, addedBy: adminId, addedAt: this.clock.now() };
    const result = await this.mutate(
      customerId,
      () => ({ appendNote: entry, set: { updatedAt: entry.addedAt, updatedBy: adminId } }),
      ifMatch,
    );
    return { ...result, entry };
  }

  /** Deletes the record for good; refused while the customer still has open complaints. */
  async delete(id: string): Promise<void> {
    await this.repo.exclusive(id, async () => {
      const doc = await this.get(id);
      if (doc.openComplaints > 0) {
        throw new BusinessRuleError('Cannot delete customer with active orders or complaints', [
          { field: 'customer', message: `Customer has ${describeOpenWork(0, doc.openComplaints)}. Please resolve these first.` },
        ]);
      }
      if (!(await this.repo.deleteById(id))) throw new NotFoundError();
    });
  }
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "3 active orders and 1 open complaint", "2 open complaints", … */
export function describeOpenWork(activeOrders: number, openComplaints: number): string {
  const parts = [];
  if (activeOrders > 0) parts.push(plural(activeOrders, 'active order', 'active orders'));
  if (openComplaints > 0) parts.push(plural(openComplaints, 'open complaint', 'open complaints'));
  return parts.join(' and ');
}
