import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { parseInputDate } from '../domain/dates.js';
import { generatedFile } from '../generated-files.js';

export type SiblingContractName = 'auth' | 'order' | 'complaint';

/** Raised when a sibling's answer does not match its contract in `openapi/clients/`. */
export class ContractViolationError extends Error {
  override readonly name = 'ContractViolationError';

  /** `path`: JSON pointer of the first offending value in the body (`/data/complaints/0/orderId`). */
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path || '(body)'} ${problem}`);
  }
}

interface Operation {
  operationId?: string;
  responses?: Record<string, { $ref?: string; content?: Record<string, { schema?: unknown }> }>;
}

interface ContractDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> };
}

const escapePointer = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');

/** `format: sibling-date-time`: the pattern admits `2026-02-30T…`; the calendar does not. */
function isCalendarDateTime(value: string): boolean {
  try {
    parseInputDate(value, 'date');
    return true;
  } catch {
    return false;
  }
}

/**
 * The runtime view of a sibling's contract (the bundled `generated/clients/<name>.json`): response
 * bodies are checked against its JSON Schemas (OpenAPI 3.1 = JSON Schema 2020-12) with Ajv, so the
 * types generated from the same document describe what the code actually receives. The contracts
 * type only what CRMS reads; everything else passes unchecked.
 */
export class SiblingContract {
  private readonly ajv = new Ajv2020({
    strict: false,
    allErrors: false,
    validateFormats: true,
    formats: { 'sibling-date-time': { type: 'string', validate: isCalendarDateTime } },
  });
  private readonly id: string;
  private readonly doc: ContractDocument;

  constructor(readonly name: SiblingContractName) {
    this.doc = JSON.parse(readFileSync(generatedFile(`clients/${name}.json`), 'utf8')) as ContractDocument;
    this.id = `urn:crms:sibling:${name}`;
    this.ajv.addSchema({ ...this.doc, $id: this.id });
  }

  /** A guard for the JSON body of `operationId`'s `status` answer; throws {@link ContractViolationError}. */
  validator<T>(operationId: string, status = '200'): (body: unknown) => T {
    const validate = this.ajv.compile<T>({ $ref: `${this.id}#${this.schemaPointer(operationId, status)}` });
    return (body) => {
      if (!validate(body)) throw violation(validate);
      return body;
    };
  }

  private schemaPointer(operationId: string, status: string): string {
    for (const [path, item] of Object.entries(this.doc.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (operation.operationId !== operationId) continue;
        const response = operation.responses?.[status];
        if (response?.$ref) {
          const name = response.$ref.replace('#/components/responses/', '');
          if (!this.doc.components?.responses?.[name]?.content?.['application/json']?.schema) break;
          return `/components/responses/${escapePointer(name)}/content/application~1json/schema`;
        }
        if (!response?.content?.['application/json']?.schema) break;
        return `/paths/${escapePointer(path)}/${method}/responses/${status}/content/application~1json/schema`;
      }
    }
    throw new Error(`${this.name} contract has no JSON ${status} answer for ${operationId}`);
  }
}

function violation(validate: ValidateFunction): ContractViolationError {
  const first = validate.errors?.[0];
  if (!first) return new ContractViolationError('', 'is invalid');
  const missing = first.keyword === 'required' ? (first.params as { missingProperty?: string }).missingProperty : undefined;
  // a missing property is reported at its parent; point at the property itself
  return missing !== undefined
    ? new ContractViolationError(`${first.instancePath}/${escapePointer(missing)}`, 'is required')
    : new ContractViolationError(first.instancePath, first.message ?? 'is invalid');
}
