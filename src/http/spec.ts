import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenAPIV3 } from 'express-openapi-validator/dist/framework/types.js';

/** Finds `generated/<file>` from the source tree (src/) and from the build (dist/src/). */
export function generatedFile(file: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'generated', file);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`generated/${file} not found: run \`make generate\``);
}

let cached: OpenAPIV3.DocumentV3_1 | undefined;

/** The bundled CRMS spec (a fresh copy each call: the validator annotates what it is given). */
export function loadApiSpec(): OpenAPIV3.DocumentV3_1 {
  cached ??= JSON.parse(readFileSync(generatedFile('openapi.json'), 'utf8')) as OpenAPIV3.DocumentV3_1;
  return structuredClone(cached);
}
