/** The local database is left running for the next run (scripts/db.sh stop stops it). */
export default function globalTeardown(): void {}
