import type { CustomerExportReader } from '../data/customer-export-stream.js';
import { EXPORT_ROW_FIELDS, type CustomerExportRow } from '../domain/customer-fields.js';
import type { CustomerRecord } from '../domain/customer-record.js';
import type { Clock } from '../domain/clock.js';
import { csvRow, type CsvValue } from '../domain/csv.js';
import type { CustomerService } from './customer-service.js';
import { customerCriteria, type CustomerFilterQuery } from './customer-filters.js';

export const CSV_COLUMNS = ['customerId', ...EXPORT_ROW_FIELDS] as const;

/** Rows are joined into chunks of about this many characters before they are handed to the stream. */
const CHUNK_CHARS = 64 * 1024;

const iso = (d: Date | undefined) => d?.toISOString();

function rowOf(doc: CustomerExportRow): CsvValue[] {
  return [
    doc.id,
    doc.userId,
    doc.email,
    doc.fullName,
    doc.contactNumber,
    doc.customerStatus,
    doc.customerType,
    doc.totalOrders,
    doc.totalOrderValue,
    doc.totalComplaints,
    doc.openComplaints,
    iso(doc.lastOrderDate),
    iso(doc.lastComplaintDate),
    iso(doc.customerSince),
    (doc.tags ?? []).join('; '),
    iso(doc.createdAt),
    iso(doc.updatedAt),
    iso(doc.erasedAt),
  ];
}

/** Data exports: one customer's record (GDPR) and the CSV of a filtered listing. */
export class ExportService {
  constructor(
    private readonly reader: CustomerExportReader,
    private readonly customers: CustomerService,
    private readonly clock: Clock,
  ) {}

  /** Everything stored about one customer, as of `exportedAt`. */
  async customerData(id: string): Promise<{ customer: CustomerRecord; exportedAt: Date }> {
    const customer = await this.customers.get(id);
    return { customer, exportedAt: this.clock.now() };
  }

  /**
   * The CSV of every customer matching `query`, as chunks of whole rows. Invalid filters throw, and the
   * first batch is fetched, before this resolves: so a 400 or a database failure is still a proper error
   * answer, while anything later can only cut the stream short.
   */
  async csv(query: CustomerFilterQuery): Promise<{ chunks: AsyncIterable<string>; exportedAt: Date }> {
    const exportedAt = this.clock.now();
    const rows = this.reader.stream(customerCriteria(query));
    try {
      await rows.hasNext();
    } catch (err) {
      await rows.close().catch(() => undefined);
      throw err;
    }
    return { chunks: csvChunks(rows), exportedAt };
  }
}

async function* csvChunks(rows: AsyncIterable<CustomerExportRow>): AsyncGenerator<string> {
  let chunk = csvRow(CSV_COLUMNS);
  for await (const doc of rows) {
    chunk += csvRow(rowOf(doc));
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
