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
  /** One small write through the service's write path; rejects when writes do not work. */
  probeWrites?: () => Promise<void>;
  /** Uptime is counted on it. */
  clock: Clock;
}

/** How long a successful write probe stands for "writes work" (unless a ping fails meanwhile). */
export const WRITE_PROBE_TTL_MS = 5_000;

/**
 * Liveness and readiness. Only the database (and not shutting down) decides readiness: it must
 * answer a ping and accept a write (the write path the service uses, write lease included).
 */
export class HealthService {
  private readonly startedAt: number;
  private shuttingDown = false;
  /** The last successful write probe (clock ms), or the probe in flight that callers share. */
  private writesWorkedAt: number | undefined;
  private probing: Promise<void> | undefined;

  private readonly sources: Required<HealthSources>;

  constructor(sources: HealthSources) {
    this.sources = {
      onDatabaseDown: () => {},
      recordsBelowSchema: async () => undefined,
      probeWrites: async () => {},
      ...sources,
    };
    this.startedAt = sources.clock.now().getTime();
  }

  beginShutdown(): void {
    this.shuttingDown = true;
  }

  liveness(): Liveness {
    const { serviceName, serviceVersion } = this.sources.identity;
    return { serviceName, serviceVersion, uptimeSeconds: Math.round((this.sources.clock.now().getTime() - this.startedAt) / 1000) };
  }

  /** Ready: the database answers a ping and accepts a write, and the service is not shutting down (503 otherwise). */
  async readiness(): Promise<Readiness> {
    if (this.shuttingDown) throw new ServiceUnavailableError('The service is shutting down', 'service');
    let latencyMs: number;
    try {
      latencyMs = await this.sources.pingDatabase();
    } catch (err) {
      this.writesWorkedAt = undefined;
      this.sources.onDatabaseDown(err);
      throw new ServiceUnavailableError('The database does not answer');
    }
    try {
      await this.writesWork();
    } catch (err) {
      this.sources.onDatabaseDown(err);
      throw new ServiceUnavailableError('The database does not accept writes');
    }
    const below = await this.sources.recordsBelowSchema();
    return {
      databaseLatencyMs: latencyMs,
      services: this.sources.breakers(),
      ...(below === undefined ? {} : { records: { schemaVersion: CURRENT_SCHEMA_VERSION, belowSchemaVersion: below } }),
    };
  }

  /** Resolves when writes work: a recent successful probe, or a new one (shared by concurrent callers). */
  private async writesWork(): Promise<void> {
    const worked = this.writesWorkedAt;
    if (worked !== undefined && this.sources.clock.now().getTime() - worked < WRITE_PROBE_TTL_MS) return;
    this.probing ??= this.sources
      .probeWrites()
      .then(
        () => {
          this.writesWorkedAt = this.sources.clock.now().getTime();
        },
        (err: unknown) => {
          this.writesWorkedAt = undefined;
          throw err;
        },
      )
      .finally(() => (this.probing = undefined));
    await this.probing;
  }
}
