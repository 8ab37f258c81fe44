import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { generatedFile } from '../generated-files.js';

/**
 * The API documentation the service serves itself: the bundled spec and two reference pages whose
 * every asset comes from the `swagger-ui-dist` and `redoc` packages (no CDN; the pages' CSP allows
 * only this origin).
 */

export interface StaticFile {
  contentType: string;
  body: Buffer;
  etag: string;
}

const require = createRequire(import.meta.url);

/** What the documentation pages offer: `tryItOut` sends requests from Swagger UI. */
export interface DocsOptions {
  tryItOut: boolean;
}

function staticFile(contentType: string, body: Buffer | string): StaticFile {
  const buffer = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return { contentType, body: buffer, etag: `"${createHash('sha256').update(buffer).digest('base64url').slice(0, 27)}"` };
}

/**
 * Swagger UI's "Try it out" calls the server the page was loaded from (the spec's `servers` name the
 * local default, which is wrong behind any other host or port), and "Authorize" is kept in the
 * browser's local storage across reloads (persistAuthorization). Path-level parameters given by
 * `$ref` are inlined: Swagger UI leaves them unresolved (a nameless "any" field) when a deep link
 * opens the operation on load, e.g. after a reload. Without "Try it out" (production, unless
 * DOCS_TRY_IT_OUT=true) no method may be submitted: the page documents, it sends nothing.
 */
const swaggerInit = ({ tryItOut }: DocsOptions) => `'use strict';
window.addEventListener('load', function () {
  fetch('/openapi.json')
    .then(function (res) { return res.json(); })
    .then(function (spec) {
      spec.servers = [{ url: window.location.origin, description: 'This server (the one this page was loaded from)' }];
      var shared = (spec.components && spec.components.parameters) || {};
      Object.keys(spec.paths).forEach(function (path) {
        var item = spec.paths[path];
        if (!item.parameters) return;
        item.parameters = item.parameters.map(function (p) {
          var name = p.$ref && p.$ref.indexOf('#/components/parameters/') === 0 ? p.$ref.slice(24) : undefined;
          return name && shared[name] ? shared[name] : p;
        });
      });
      window.ui = SwaggerUIBundle({
        spec: spec,
        dom_id: '#swagger-ui',
        deepLinking: true,
        validatorUrl: null,
        presets: [SwaggerUIBundle.presets.apis],
        layout: 'BaseLayout',
        displayRequestDuration: true,
        persistAuthorization: true,${tryItOut ? '' : '\n        supportedSubmitMethods: [],'}
      });
    });
});
`;

const REDOC_INIT = `'use strict';
Redoc.init('/openapi.json', { expandResponses: '200,201', hideDownloadButton: false }, document.getElementById('redoc'));
`;

/** A file of an npm package (optionally rewritten), or text of our own. */
type AssetSource = { package: string; file: string; rewrite?: (text: string) => string } | { text: (options: DocsOptions) => string };

/**
 * ReDoc's bundle shows a "powered by" logo from its CDN; the page must load nothing from elsewhere
 * (and its CSP would block it anyway), so the URL becomes an empty image, which ReDoc then hides.
 */
const withoutCdnLogo = (text: string) => text.replaceAll('https://cdn.redoc.ly/redoc/logo-mini.svg', 'data:,');

const ASSET_SOURCES: ReadonlyArray<[name: string, contentType: string, source: AssetSource]> = [
  ['swagger-ui.css', 'text/css; charset=utf-8', { package: 'swagger-ui-dist', file: 'swagger-ui.css' }],
  ['swagger-ui-bundle.js', 'text/javascript; charset=utf-8', { package: 'swagger-ui-dist', file: 'swagger-ui-bundle.js' }],
  ['swagger-init.js', 'text/javascript; charset=utf-8', { text: swaggerInit }],
  [
    'redoc.standalone.js',
    'text/javascript; charset=utf-8',
    { package: 'redoc', file: 'bundles/redoc.standalone.js', rewrite: withoutCdnLogo },
  ],
  ['redoc-init.js', 'text/javascript; charset=utf-8', { text: () => REDOC_INIT }],
];

const assets = new Map<string, StaticFile>();

/** An asset of the documentation pages by file name (read once, then kept), or undefined. */
export function docsAsset(name: string, options: DocsOptions): StaticFile | undefined {
  const key = `${name}|${String(options.tryItOut)}`;
  const cached = assets.get(key);
  if (cached) return cached;
  const entry = ASSET_SOURCES.find(([assetName]) => assetName === name);
  if (!entry) return undefined;
  const [, contentType, source] = entry;
  let body: string | Buffer;
  if ('text' in source) {
    body = source.text(options);
  } else {
    body = readFileSync(require.resolve(`${source.package}/${source.file}`));
    if (source.rewrite) body = source.rewrite(body.toString('utf8'));
  }
  const file = staticFile(contentType, body);
  assets.set(key, file);
  return file;
}

export const DOCS_ASSET_NAMES: readonly string[] = ASSET_SOURCES.map(([name]) => name);

/** The pages may load scripts, styles and the spec from this origin only (plus inline styles and ReDoc's blob worker). */
export const DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const page = (title: string, head: string, body: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="icon" href="data:,">
${head}
</head>
<body>
${body}
</body>
</html>
`;

let pages: { swaggerUi: StaticFile; redoc: StaticFile } | undefined;

export function docsPages(): { swaggerUi: StaticFile; redoc: StaticFile } {
  pages ??= {
    swaggerUi: staticFile(
      'text/html; charset=utf-8',
      page(
        'CRMS API reference (Swagger UI)',
        '<link rel="stylesheet" href="/docs/assets/swagger-ui.css">\n<style>body { margin: 0; }</style>',
        '<div id="swagger-ui"></div>\n<script src="/docs/assets/swagger-ui-bundle.js"></script>\n<script src="/docs/assets/swagger-init.js"></script>',
      ),
    ),
    redoc: staticFile(
      'text/html; charset=utf-8',
      page(
        'CRMS API reference (ReDoc)',
        '<style>body { margin: 0; padding: 0; }</style>',
        '<div id="redoc"></div>\n<script src="/docs/assets/redoc.standalone.js"></script>\n<script src="/docs/assets/redoc-init.js"></script>',
      ),
    ),
  };
  return pages;
}

let specFiles: { json: StaticFile; yaml: StaticFile } | undefined;

/** The bundled spec as generated by `make generate`, byte for byte. */
export function specDocuments(): { json: StaticFile; yaml: StaticFile } {
  specFiles ??= {
    json: staticFile('application/json; charset=utf-8', readFileSync(generatedFile('openapi.json'))),
    yaml: staticFile('application/yaml; charset=utf-8', readFileSync(generatedFile('openapi.yaml'))),
  };
  return specFiles;
}
