/** Runs the thunks in parallel, or one after another (on FerretDB v1, where reads that each
 * materialise a whole collection must not add up in the database's memory). */
export async function runAll<T extends readonly unknown[]>(
  sequential: boolean,
  thunks: { [K in keyof T]: () => Promise<T[K]> },
): Promise<T> {
  if (!sequential) return (await Promise.all(thunks.map((thunk) => thunk()))) as unknown as T;
  const results: unknown[] = [];
  for (const thunk of thunks) results.push(await thunk());
  return results as unknown as T;
}
