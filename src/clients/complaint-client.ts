import type { Client } from 'openapi-fetch';
import type { ComplaintListResponse, ComplaintSummaryResponse, paths } from '../../generated/src/clients/complaint.js';
import { SiblingContract } from './contract.js';
import { siblingHttpClient } from './http.js';
import type { AdminCallContext } from './order-client.js';
import type { CallContext, Sibling } from './sibling.js';

export type ComplaintPage = ComplaintListResponse['data'];
export type ComplaintSummary = ComplaintSummaryResponse['data']['summary'];

const FAILURE = 'Unable to fetch complaint data';

/** Typed client of the Complaint Service operations CRMS uses (`openapi/clients/complaint.yaml`). */
export class ComplaintClient {
  private readonly http: Client<paths>;
  private readonly listBody: (body: unknown) => ComplaintListResponse;
  private readonly summaryBody: (body: unknown) => ComplaintSummaryResponse;

  constructor(
    baseUrl: string,
    private readonly sibling: Sibling,
    private readonly apiKey: string,
  ) {
    this.http = siblingHttpClient<paths>(baseUrl);
    const contract = new SiblingContract('complaint');
    this.listBody = contract.validator<ComplaintListResponse>('listComplaints');
    this.summaryBody = contract.validator<ComplaintSummaryResponse>('getInternalCustomerComplaintSummary');
  }

  /** A page of the customer's complaints, with the administrator's token. */
  async listComplaints(query: { customerId: string; page: number; limit: number }, context: AdminCallContext): Promise<ComplaintPage> {
    const spec = {
      operation: 'GET /api/complaints',
      idempotent: true,
      credentials: 'caller' as const,
      failureMessage: FAILURE,
      validate: this.listBody,
      send: (signal: AbortSignal) =>
        this.http.GET('/api/complaints', {
          params: {
            query: { customerId: query.customerId, page: query.page, limit: query.limit },
            header: { 'X-Request-Id': context.requestId },
          },
          headers: { Authorization: context.authorization },
          signal,
        }),
    };
    const outcome = await this.sibling.call(spec, context);
    if (outcome.ok) return outcome.data.data;
    throw this.sibling.refusal(spec, outcome.status, context);
  }

  /** The customer's complaint counts (service key). */
  async summary(customerId: string, context: CallContext): Promise<ComplaintSummary> {
    const spec = {
      operation: 'GET /api/internal/customers/{customerId}/complaints',
      idempotent: true,
      credentials: 'crms' as const,
      failureMessage: FAILURE,
      validate: this.summaryBody,
      send: (signal: AbortSignal) =>
        this.http.GET('/api/internal/customers/{customerId}/complaints', {
          params: { path: { customerId }, query: { limit: 1 }, header: { 'X-Request-Id': context.requestId } },
          headers: { 'X-Service-API-Key': this.apiKey },
          signal,
        }),
    };
    const outcome = await this.sibling.call(spec, context);
    if (outcome.ok) return outcome.data.data.summary;
    throw this.sibling.refusal(spec, outcome.status, context);
  }
}
