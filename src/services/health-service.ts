import type { Schemas } from '../api-types.js';
import { CURRENT_SCHEMA_VERSION } from '../data/stored-customer.js';
import type { Clock } from '../domain/clock.js';
import { ServiceUnavailableError } from '../errors.js';

export type BreakerStates = Schemas['ReadinessStatus']['checks']['services'];

/** The count of records below the current schema version (see data/schema-status.ts); undefined when unknown. */
export type RecordsBelowSchema = () => Promise<number | undefined>;

/** The process is up: who it is and for how long. */
export interface Liveness {
  serviceName: string;
  serviceVersion: string;
  uptimeSeconds: number;
}

/** What readiness found: the database's round trip, the siblings' breakers, the records below the schema version when known. */
export interface Readiness {
  databaseLatencyMs: number;
  services: BreakerStates;
  records?: { schemaVersion: number; belowSchemaVersion: number };
}

/** What liveness and readiness are computed from. */
export interface HealthSources {
  /** Round trip to the database in milliseconds; rejects when it does not answer. */
  pingDatabase: () => Promise<number>;
  identity: { serviceName: string; serviceVersion: string };
  breakers: () => BreakerStates;
  onDatabaseDown?: (err: unknown) => void;
  recordsBelowSchema?: RecordsBelowSchema;
  /** Uptime is counted on it. */
  clock: Clock;
}

/** Liveness and readiness. Only the database (and not shutting down) decides readiness. */
export class HealthService {
  private readonly startedAt: number;
  private shuttingDown = false;

  private readonly pingDatabase: HealthSources['pingDatabase'];
  private readonly identity: HealthSources['identity'];
  private readonly breakers: HealthSources['breakers'];
  private readonly onDatabaseDown: NonNullable<HealthSources['onDatabaseDown']>;
  private readonly recordsBelowSchema: RecordsBelowSchema;
  private readonly clock: Clock;

  constructor(sources: HealthSources) {
    this.clock = sources.clock;
    this.startedAt = this.clock.now().getTime();
    this.pingDatabase = sources.pingDatabase;
    this.identity = sources.identity;
    this.breakers = sources.breakers;
    this.onDatabaseDown = sources.onDatabaseDown ?? (() => {});
    this.recordsBelowSchema = sources.recordsBelowSchema ?? (async () => undefined);
  }

  beginShutdown(): void {
    this.shuttingDown = true;
  }

  liveness(): Liveness {
    const { serviceName, serviceVersion } = this.identity;
    return { serviceName, serviceVersion, uptimeSeconds: Math.round((this.clock.now().getTime() - this.startedAt) / 1000) };
  }

  /** Ready: the database answers and the service is not shutting down (503 otherwise). */
  async readiness(): Promise<Readiness> {
    if (this.shuttingDown) throw new ServiceUnavailableError('The service is shutting down', 'service');
    let latencyMs: number;
    try {
      latencyMs = await this.pingDatabase();
    } catch (err) {
      this.onDatabaseDown(err);
      throw new ServiceUnavailableError('The database does not answer');
    }
    const below = await this.recordsBelowSchema();
    return {
      databaseLatencyMs: latencyMs,
      services: this.breakers(),
      ...(below === undefined ? {} : { records: { schemaVersion: CURRENT_SCHEMA_VERSION, belowSchemaVersion: below } }),
    };
  }
}
