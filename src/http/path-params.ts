/**
 * A `{customerId}` path parameter as the services take it: lower case. The rule of what a customer id
 * is lives in the contract (openapi/components/schemas/CustomerId.yaml, 24 hexadecimal digits), and
 * the request validator answers 400 before any handler runs; the data layer keeps its own guard for
 * calls that do not come through HTTP (CLI, background work).
 */
export function normaliseCustomerId(value: string): string {
  return value.toLowerCase();
}
