import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Services } from '../services/index.js';
import type { HandlerMap } from './types.js';

/** `20260126T100000Z`: a UTC timestamp that is safe in a file name. */
const fileStamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** The client went away while we were streaming: nothing left to answer. */
const isClientGone = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'ERR_STREAM_PREMATURE_CLOSE';

/** Exports of many customers: the CSV of a filtered listing, streamed. */
export function exportHandlers(services: Services): HandlerMap<'exportCustomersCsv'> {
  return {
    async exportCustomersCsv(req, res) {
      const { chunks, exportedAt } = await services.exports.csv(req.query);
      res.status(200);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="customers-${fileStamp(exportedAt)}.csv"`);
      res.setHeader('Cache-Control', 'no-store');
      try {
        // Readable.from pulls the next chunk only when `res` has drained: backpressure end to end.
        await pipeline(Readable.from(chunks), res);
      } catch (err) {
        if (isClientGone(err)) return;
        throw err;
      }
    },
  };
}
