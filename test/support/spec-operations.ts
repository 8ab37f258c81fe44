import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SpecOperation {
  operationId: string;
  method: string;
  path: string;
  tag: string;
  hasBody: boolean;
  bodyExample: unknown;
}

interface RawOperation {
  operationId?: string;
  tags?: string[];
  requestBody?: { content?: Record<string, { examples?: Record<string, { value?: unknown }>; example?: unknown }> };
}

/** Every operation of the bundled spec (generated/openapi.json). */
export function specOperations(): SpecOperation[] {
  const spec = JSON.parse(readFileSync(join(process.cwd(), 'generated', 'openapi.json'), 'utf8')) as {
    paths: Record<string, Record<string, RawOperation>>;
  };
  const operations: SpecOperation[] = [];
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!op || typeof op !== 'object' || !op.operationId) continue;
      const json = op.requestBody?.content?.['application/json'];
      const firstExample = json?.examples ? Object.values(json.examples)[0]?.value : json?.example;
      operations.push({
        operationId: op.operationId,
        method,
        path,
        tag: op.tags?.[0] ?? '',
        hasBody: json !== undefined,
        bodyExample: firstExample,
      });
    }
  }
  return operations;
}

/** Fills path templates: `{customerId}` → the given id, `{userId}` → the given user id, others → "x". */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? 'x');
}
