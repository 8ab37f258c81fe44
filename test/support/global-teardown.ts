import type { StartedMongoDBContainer } from '@testcontainers/mongodb';

const holder = globalThis as typeof globalThis & { crmsMongoContainer?: StartedMongoDBContainer };

/** Stops the mongo:7 container if this run started one; the local FerretDB is left running (make db-stop). */
export default async function globalTeardown(): Promise<void> {
  await holder.crmsMongoContainer?.stop();
  delete holder.crmsMongoContainer;
}
