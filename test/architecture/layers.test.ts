import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The layer rules of .dependency-cruiser.cjs (run by `make lint` over src/) must be able to fail:
 * the fixtures under test/fixtures/layers/src break them on purpose.
 */
const root = join(import.meta.dirname, '..', '..');
const depcruise = join(root, 'node_modules', '.bin', 'depcruise');

function cruise(...paths: string[]): { status: number | null; output: string } {
  const result = spawnSync(depcruise, [...paths, '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('When the layer rules check the code', () => {
  test('when a service imports from the HTTP layer, then the check fails naming the rule', () => {
    const { status, output } = cruise('test/fixtures/layers/src/services/imports-upward.ts');
    expect(status).not.toBe(0);
    expect(output).toContain(
      'services-do-not-import-up: test/fixtures/layers/src/services/imports-upward.ts → test/fixtures/layers/src/http/context.ts',
    );
  });

  test('when domain code imports the MongoDB driver, then the check fails naming the rule', () => {
    const { status, output } = cruise('test/fixtures/layers/src/domain/imports-driver.ts');
    expect(status).not.toBe(0);
    expect(output).toContain('domain-imports-no-driver: test/fixtures/layers/src/domain/imports-driver.ts');
    expect(output).toContain('only-data-speaks-mongodb: test/fixtures/layers/src/domain/imports-driver.ts');
  });

  test('when a service imports only a type from the MongoDB driver, then the check fails naming the rule', () => {
    const { status, output } = cruise('test/fixtures/layers/src/services/imports-driver-type.ts');
    expect(status).not.toBe(0);
    expect(output).toContain('only-data-speaks-mongodb: test/fixtures/layers/src/services/imports-driver-type.ts');
  });

  test('when a module imports only downward, then the check passes', () => {
    const { status, output } = cruise('test/fixtures/layers/src/http/context.ts');
    expect(output).toContain('no dependency violations found');
    expect(status).toBe(0);
  });
});
