import type { Request, RequestHandler, Response } from 'express';
import type { operations } from '../../generated/src/crms.js';

export type Handler = (req: Request, res: Response) => Promise<void> | void;
export type OperationId = keyof operations;
export type HandlerMap<K extends OperationId> = Record<K, Handler>;

/** Typed view of what the validator already checked (and coerced) for this operation. */
export function queryOf<T>(req: Request): T {
  return req.query as unknown as T;
}

export function bodyOf<T>(req: Request): T {
  return req.body as T;
}

export function pathParam(req: Request, name: string): string {
  const value = req.params[name];
  if (typeof value !== 'string') throw new Error(`path parameter ${name} missing after validation`);
  return value;
}

export type { RequestHandler };
