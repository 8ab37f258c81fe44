import type { Request } from 'express';
import type { AdminWrite } from '../domain/actor.js';
import { requestIdOf, userOf } from './context.js';
import { ifMatchOf } from './etag.js';

/** The acting administrator, the request's `If-Match` condition and its request id: what every admin write carries. */
export function adminWriteOf(req: Pick<Request, 'get'>): AdminWrite {
  const ifMatch = ifMatchOf(req.get('If-Match'));
  return { admin: userOf(req), requestId: requestIdOf(req), ...(ifMatch ? { ifMatch } : {}) };
}
