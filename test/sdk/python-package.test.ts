import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = process.cwd();
const venvPython = join(root, '.local', 'venv', 'bin', 'python');

describe('When another team installs the Python SDK package', () => {
  test('then the wheel (as `make sdk` builds it) installs into a clean virtualenv and imports, at the contract version', async () => {
    const work = mkdtempSync(join(tmpdir(), 'crms-wheel-'));
    try {
      // built from a copy: the build leaves build/ and *.egg-info beside the sources
      cpSync(join(root, 'generated', 'python'), join(work, 'src'), { recursive: true });
      await run(venvPython, [
        '-m',
        'pip',
        'wheel',
        '--quiet',
        '--disable-pip-version-check',
        '--no-deps',
        '--no-build-isolation',
        join(work, 'src'),
        '-w',
        join(work, 'dist'),
      ]);
      const wheels = readdirSync(join(work, 'dist'));
      const version = (JSON.parse(readFileSync(join(root, 'generated', 'openapi.json'), 'utf8')) as { info: { version: string } }).info
        .version;
      expect(wheels).toEqual([`crms_sdk-${version}-py3-none-any.whl`]);

      await run(venvPython, ['-m', 'venv', join(work, 'clean')]);
      const python = join(work, 'clean', 'bin', 'python');
      // its dependencies (httpx, attrs) at the versions the project pins
      await run(
        python,
        [
          '-m',
          'pip',
          'install',
          '--quiet',
          '--disable-pip-version-check',
          '-c',
          join(root, 'scripts', 'tools', 'requirements.txt'),
          join(work, 'dist', wheels[0]!),
        ],
        {
          timeout: 240_000,
        },
      );
      const { stdout } = await run(
        python,
        [
          '-c',
          [
            'import importlib.metadata, crms_sdk',
            'from crms_sdk.api.internal import update_customer_statistics',
            'from crms_sdk.helpers import CrmsApiError, crms_client, iter_all_customers',
            "client = crms_client('http://localhost:8001', api_key='k')",
            "print(importlib.metadata.version('crms-sdk'), crms_sdk.__file__.startswith(__import__('sys').prefix), callable(update_customer_statistics.sync_detailed))",
          ].join('\n'),
        ],
        { cwd: work },
      );
      expect(stdout.trim()).toBe(`${version} True True`);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 300_000);
});
