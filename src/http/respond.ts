import type { Response } from 'express';
import type { JsonSuccessStatusOf, OperationId, ResponseDataOf } from '../api-types.js';
import type { OperationResponse } from './operation-types.js';

/**
 * Sends the guide's success envelope `{success: true, message, data}`. The operation is read from
 * `res`, so the compiler holds `status` to the operation's 2xx JSON responses and `data` to that
 * response's schema.
 */
export function respond<Op extends OperationId, S extends JsonSuccessStatusOf<Op> & number>(
  res: OperationResponse<Op>,
  status: S,
  message: string,
  data: ResponseDataOf<Op, S>,
): void {
  (res as Response).status(status).json({ success: true, message, data });
}
