import type { Response } from 'express';

/** Sends the guide's success envelope `{success: true, message, data}`. */
export function respond<T>(res: Response, status: number, message: string, data: T): void {
  res.status(status).json({ success: true, message, data });
}
