import type { components } from '@crms/sdk';

type Status = components['schemas']['CustomerStatus'];
type CustomerType = components['schemas']['CustomerType'];

/** `list` when it names every member of the contract's enum `T`; a compile error when the enum gains one. */
const everyOf =
  <T extends string>() =>
  <const L extends readonly T[]>(list: L & ([Exclude<T, L[number]>] extends [never] ? unknown : { missing: Exclude<T, L[number]> })): L =>
    list;

/** The contract's customer statuses and types, in its order: the options of the console's selects. */
export const STATUSES = everyOf<Status>()(['Active', 'Inactive', 'Suspended']);
export const TYPES = everyOf<CustomerType>()(['Regular', 'Premium', 'VIP']);
