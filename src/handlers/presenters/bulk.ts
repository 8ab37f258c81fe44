import type { Schemas } from '../../api-types.js';
import type { BulkItemOutcome, BulkOutcome } from '../../services/bulk-service.js';

/** A bulk request's outcome → the API's bulk result (the rule: see presenters/customer.ts). */

function toItem(item: BulkItemOutcome): Schemas['BulkItemResult'] {
  if ('failure' in item) return { customerId: item.customerId, success: false, error: { message: item.failure } };
  return { customerId: item.customerId, success: true, ...(item.authSync ? { authSync: item.authSync } : {}) };
}

export function toBulkResult(outcome: BulkOutcome): Schemas['BulkOperationResult'] {
  const results = outcome.results.map(toItem);
  const succeeded = results.filter((r) => r.success).length;
  return { action: outcome.action, results, succeeded, failed: results.length - succeeded };
}
