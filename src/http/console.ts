import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Request, type Response, type Router } from 'express';
import expressStaticGzip from 'express-static-gzip';

/**
 * The CRMS Console (console/, built by `make build` into console/dist/) served at /console:
 * hashed assets cached for a year and sent precompressed (brotli or gzip, as accepted), index.html revalidated on every load and served for every other
 * path under /console (the app routes in the browser). A strict CSP: scripts and styles from this
 * origin only, API calls to this origin and to the Auth Service's login (CONSOLE_AUTH_URL).
 */

export interface ConsoleOptions {
  /** Where the Auth Service's login answers (`CONSOLE_AUTH_URL`); absent: sign-in by pasted token only. */
  authUrl: string | undefined;
  /** The built app (console/dist); found next to the source or the build tree when omitted. */
  distDir?: string;
}

/** console/dist from the source tree (src/http/) and from the build (dist/src/http/). */
export function consoleDistDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'console', 'dist');
    if (existsSync(join(dir, 'console', 'package.json'))) return candidate;
    dir = dirname(dir);
  }
  return join(process.cwd(), 'console', 'dist');
}

export function consoleCsp(authUrl: string | undefined): string {
  const connect = ["'self'", ...(authUrl ? [new URL(authUrl).origin] : [])];
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const escapeAttribute = (value: string) =>
  value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** index.html with the Auth Service's URL as a meta tag (the app reads it; no inline script). */
function indexPage(distDir: string, authUrl: string | undefined): string | undefined {
  const file = join(distDir, 'index.html');
  if (!existsSync(file)) return undefined;
  const html = readFileSync(file, 'utf8');
  const meta = `<meta name="crms-auth-url" content="${escapeAttribute(authUrl ?? '')}">`;
  return html.replace('</head>', `${meta}\n</head>`);
}

function notBuilt(res: Response, distDir: string) {
  res.status(503).setHeader('Cache-Control', 'no-store');
  res.json({
    success: false,
    message: 'The CRMS Console is not built',
    errors: [{ field: 'console', message: `${join(distDir, 'index.html')} is missing: run \`make build\` (or set CONSOLE_ENABLED=false)` }],
  });
}

export function consoleRouter(options: ConsoleOptions): Router {
  const distDir = options.distDir ?? consoleDistDir();
  const csp = consoleCsp(options.authUrl);
  let index: string | undefined;
  const router = express.Router({ strict: true });

  router.use((_req: Request, res: Response, next) => {
    res.setHeader('Content-Security-Policy', csp);
    next();
  });
  router.use(
    '/assets',
    // the build's brotli and gzip copies (.br, .gz), chosen by Accept-Encoding (brotli first), with Vary
    expressStaticGzip(join(distDir, 'assets'), {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: false,
      serveStatic: { immutable: true, maxAge: '365d', index: false, redirect: false, fallthrough: true },
    }),
    (req: Request, res: Response) => {
      res
        .status(404)
        .json({ success: false, message: 'Console asset not found', errors: [{ field: 'path', message: `No console asset ${req.path}` }] });
    },
  );
  router.get(/.*/, (req: Request, res: Response) => {
    // `/console` itself: the app's relative URLs need the trailing slash
    if (req.originalUrl === '/console' || req.originalUrl.startsWith('/console?')) {
      res.redirect(301, `/console/${req.originalUrl.slice('/console'.length)}`);
      return;
    }
    index ??= indexPage(distDir, options.authUrl);
    if (index === undefined) {
      notBuilt(res, distDir);
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(index);
  });
  return router;
}
