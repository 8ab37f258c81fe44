import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { setRequestId } from './context.js';

const VALID_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Accepts a well-formed incoming `X-Request-Id` (else makes one), keeps it for logs and sibling calls, echoes it. */
export function requestId() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const incoming = req.get('x-request-id');
    const id = incoming && VALID_ID.test(incoming) ? incoming : randomUUID();
    setRequestId(req, id);
    res.setHeader('X-Request-Id', id);
    next();
  };
}
