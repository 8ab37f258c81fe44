import type { Response } from 'express';
import { NotFoundError } from '../errors.js';
import { DOCS_CSP, docsAsset, docsPages, specDocuments, type DocsOptions, type StaticFile } from '../http/docs.js';
import type { Metrics } from '../observability/metrics.js';
import type { HandlerMap } from './types.js';

type OperationsOperation = 'getMetrics' | 'getOpenApiJson' | 'getOpenApiYaml' | 'getSwaggerUi' | 'getRedoc' | 'getDocsAsset';

/** Sends a prepared file; `res.send` answers 304 itself when the request's validator matches the ETag. */
function sendStatic(res: Response, file: StaticFile, cacheControl: string): void {
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('ETag', file.etag);
  res.type(file.contentType).send(file.body);
}

function sendPage(res: Response, file: StaticFile): void {
  res.setHeader('Content-Security-Policy', DOCS_CSP);
  sendStatic(res, file, 'no-cache');
}

/** Metrics and the API documentation (the Operations and Documentation tags). */
export function operationsHandlers(metrics: Pick<Metrics, 'scrape' | 'contentType'>, docs: DocsOptions): HandlerMap<OperationsOperation> {
  return {
    async getMetrics(_req, res) {
      const text = await metrics.scrape();
      res.setHeader('Cache-Control', 'no-store');
      res.type(metrics.contentType).send(text);
    },
    getOpenApiJson(_req, res) {
      sendStatic(res, specDocuments().json, 'no-cache');
    },
    getOpenApiYaml(_req, res) {
      sendStatic(res, specDocuments().yaml, 'no-cache');
    },
    getSwaggerUi(_req, res) {
      sendPage(res, docsPages().swaggerUi);
    },
    getRedoc(_req, res) {
      sendPage(res, docsPages().redoc);
    },
    getDocsAsset(req, res) {
      const name = req.params.asset;
      const asset = docsAsset(name, docs);
      if (!asset) throw new NotFoundError('Asset not found', [{ field: 'asset', message: `No documentation asset is named ${name}` }]);
      sendStatic(res, asset, 'public, max-age=86400');
    },
  };
}
