import type { components } from './crms.js';

/**
 * The values of each enumerated schema of the contract (for select lists and checks at run time).
 * Dependency-free, so the service's domain and the SDK's users share this one list.
 */
export const enumValues = {
/* @@ENUMS@@ */
} as const satisfies { [K in keyof components['schemas']]?: readonly components['schemas'][K][] };
