import { ServiceUnavailableError } from '../../src/errors.js';
import { HealthService, WRITE_PROBE_TTL_MS } from '../../src/services/health-service.js';
import { TestClock } from '../support/clock.js';

/** A database whose ping and write probe answer as the test sets them; counts the write probes. */
function database() {
  const state = { pings: true, writes: true, probes: 0 };
  const ping = () => (state.pings ? Promise.resolve(1) : Promise.reject(new Error('ping refused')));
  const probe = () => {
    state.probes++;
    return state.writes ? Promise.resolve() : Promise.reject(new Error('write refused'));
  };
  return { state, ping, probe };
}

function health(db: ReturnType<typeof database>, clock: TestClock): HealthService {
  const identity = { serviceName: 'crms', serviceVersion: 'test' };
  return new HealthService({ pingDatabase: db.ping, identity, breakers: () => ({}) as never, probeWrites: db.probe, clock });
}

async function readiness(h: HealthService): Promise<string> {
  try {
    await h.readiness();
    return 'ready';
  } catch (err) {
    return err instanceof ServiceUnavailableError ? `unavailable: ${err.errors[0]?.message}` : 'failed';
  }
}

describe('When the database answers pings but refuses writes', () => {
  test('then readiness is unavailable, and ready again once a write works', async () => {
    const db = database();
    const h = health(db, new TestClock());
    db.state.writes = false;
    expect(await readiness(h)).toBe('unavailable: The database does not accept writes');
    db.state.writes = true;
    expect(await readiness(h)).toBe('ready');
  });
});

describe('When a write probe succeeded', () => {
  test('then it stands for the probe interval on the clock, and the next call after it writes again', async () => {
    const db = database();
    const clock = new TestClock();
    const h = health(db, clock);
    expect(await readiness(h)).toBe('ready');
    clock.advance(WRITE_PROBE_TTL_MS - 1);
    expect(await readiness(h)).toBe('ready');
    expect(db.state.probes).toBe(1);
    clock.advance(1);
    db.state.writes = false;
    expect(await readiness(h)).toBe('unavailable: The database does not accept writes');
    expect(db.state.probes).toBe(2);
  });

  test('then a failed ping forgets it: after the outage readiness writes again before it answers ready', async () => {
    const db = database();
    const h = health(db, new TestClock());
    expect(await readiness(h)).toBe('ready');
    db.state.pings = false;
    expect(await readiness(h)).toBe('unavailable: The database does not answer');
    db.state.pings = true;
    db.state.writes = false;
    expect(await readiness(h)).toBe('unavailable: The database does not accept writes');
  });

  test('then concurrent readiness calls share one probe', async () => {
    const db = database();
    const h = health(db, new TestClock());
    expect(await Promise.all([readiness(h), readiness(h), readiness(h)])).toEqual(['ready', 'ready', 'ready']);
    expect(db.state.probes).toBe(1);
  });
});
