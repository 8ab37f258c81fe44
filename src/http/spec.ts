import { readFileSync } from 'node:fs';
import type { OpenAPIV3 } from 'express-openapi-validator/dist/framework/types.js';
import { generatedFile } from '../generated-files.js';

let cached: OpenAPIV3.DocumentV3_1 | undefined;

/** The bundled CRMS spec (a fresh copy each call: the validator annotates what it is given). */
export function loadApiSpec(): OpenAPIV3.DocumentV3_1 {
  cached ??= JSON.parse(readFileSync(generatedFile('openapi.json'), 'utf8')) as OpenAPIV3.DocumentV3_1;
  return structuredClone(cached);
}
