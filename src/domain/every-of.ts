/**
 * `list` unchanged when it names every member of the union `T`; a compile error when `T` gains a
 * member the list lacks (or the list names one `T` does not have). Keeps a runtime list and the
 * type it enumerates (often a contract enum) from drifting apart.
 */
export const everyOf =
  <T extends string>() =>
  <const L extends readonly T[]>(list: L & ([Exclude<T, L[number]>] extends [never] ? unknown : { missing: Exclude<T, L[number]> })): L =>
    list;
