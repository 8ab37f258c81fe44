import { BackgroundLoop } from '../../src/services/background-loop.js';
import { eventually } from '../support/eventually.js';

/** A pass the test lets finish: `passes` counts the started ones. */
function controlledPass(more: () => boolean = () => false) {
  const state = { passes: 0, release: () => {} };
  const pass = () => {
    state.passes++;
    return new Promise<boolean>((resolve) => (state.release = () => resolve(more())));
  };
  return { state, pass };
}

// an interval no wait in these tests reaches: a second pass can only come from kick() or "more"
const NEVER = 3_600_000;

describe('When a background worker runs its passes on a BackgroundLoop', () => {
  test('when it is kicked during a pass, then the next pass starts right after that one, not after the interval', async () => {
    const { state, pass } = controlledPass();
    const loop = new BackgroundLoop(pass, NEVER, () => {});
    loop.start();
    await eventually(() => state.passes === 1, { what: 'the first pass' });
    loop.kick();
    expect(state.passes).toBe(1);
    state.release();
    await eventually(() => state.passes === 2, { what: 'the kicked pass' });
    state.release();
    await loop.stop();
  });

  test('when a pass says more is waiting, then the next one starts at once', async () => {
    let more = true;
    const { state, pass } = controlledPass(() => more);
    const loop = new BackgroundLoop(pass, NEVER, () => {});
    loop.start();
    await eventually(() => state.passes === 1, { what: 'the first pass' });
    state.release();
    more = false;
    await eventually(() => state.passes === 2, { what: 'the pass after "more"' });
    state.release();
    await loop.stop();
  });

  test('when a pass fails, then the failure is reported and the loop goes on', async () => {
    const failures: unknown[] = [];
    let passes = 0;
    const loop = new BackgroundLoop(
      async () => {
        passes++;
        if (passes === 1) throw new Error('boom');
        return false;
      },
      1,
      (err) => failures.push(err),
    );
    loop.start();
    await eventually(() => passes >= 2, { what: 'a pass after the failed one' });
    await loop.stop();
    expect(failures).toEqual([new Error('boom')]);
  });

  test('when it is stopped during a pass, then stop waits for that pass and no other starts', async () => {
    const { state, pass } = controlledPass(() => true);
    const loop = new BackgroundLoop(pass, NEVER, () => {});
    loop.start();
    await eventually(() => state.passes === 1, { what: 'the first pass' });
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    loop.kick();
    expect(stopped).toBe(false);
    state.release();
    await stopping;
    expect(state.passes).toBe(1);
  });
});
