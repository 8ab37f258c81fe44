import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config.js';
import { DEV_JWT_SECRET, DEV_SERVICE_API_KEY, EXAMPLE_PLACEHOLDERS, secretWeakness } from '../../src/secrets.js';
import { TEST_API_KEY, TEST_JWT_SECRET } from '../support/tokens.js';

const GOOD_JWT = 'Vq3x9Lp2Rt8sWm4Kd7Yh1Bn6Cf0Gz5Ja'; // 32 characters, as `openssl rand` gives them
const GOOD_KEY = 'k7P2wQ9dX4mR8tZ1';

/** The environment of a production instance with good secrets, and `overrides`. */
const production = (overrides: Record<string, string>) => ({
  ENVIRONMENT: 'production',
  JWT_SECRET: GOOD_JWT,
  SERVICE_API_KEY: GOOD_KEY,
  ...overrides,
});

/** The one-line message loading `env` fails with. */
function refusal(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('the configuration was accepted');
}

const exampleValue = (name: string): string => {
  const line = readFileSync(join(process.cwd(), '.env.example'), 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}=`));
  return (line ?? '')
    .slice(name.length + 1)
    .split(/\s+#/)[0]!
    .trim();
};

describe('When a secret is one the repository publishes', () => {
  test.each([
    ['JWT_SECRET', DEV_JWT_SECRET],
    ['SERVICE_API_KEY', DEV_SERVICE_API_KEY],
    ['JWT_SECRET', exampleValue('JWT_SECRET')],
    ['SERVICE_API_KEY', exampleValue('SERVICE_API_KEY')],
  ])('then outside development %s = %s stops loading with one line naming the variable', (name, value) => {
    for (const environment of ['production', 'staging', 'test']) {
      const message = refusal(production({ ENVIRONMENT: environment, [name]: value }));
      expect(message.split('\n')).toHaveLength(1);
      expect(message).toMatch(new RegExp(`^Invalid configuration: ${name} `));
    }
  });

  test("then the placeholders the checks know are exactly .env.example's", () => {
    expect([exampleValue('JWT_SECRET'), exampleValue('SERVICE_API_KEY')]).toEqual(EXAMPLE_PLACEHOLDERS);
  });

  test('then in development they are accepted (as set, or as the defaults when unset)', () => {
    const config = loadConfig({ ENVIRONMENT: 'development', JWT_SECRET: DEV_JWT_SECRET, SERVICE_API_KEY: exampleValue('SERVICE_API_KEY') });
    expect(config.jwt.secret).toBe(DEV_JWT_SECRET);
    expect(loadConfig({ ENVIRONMENT: 'development' }).developmentDefaults).toEqual(['JWT_SECRET', 'SERVICE_API_KEY']);
  });
});

describe('When a secret is short or guessable', () => {
  test.each([
    ['JWT_SECRET', 'x'.repeat(32), /too little variety/],
    ['JWT_SECRET', 'ab'.repeat(20), /too little variety/],
    ['JWT_SECRET', 'abcdefgh'.repeat(5), /too little variety/],
    ['JWT_SECRET', '0000000000000000000000000000000001', /too little variety/],
    ['JWT_SECRET', 'secret-secret-secret-secret-secret', /well-known words|too little variety/],
    ['JWT_SECRET', 'supersecret-password-admin-secret', /well-known words/],
    ['JWT_SECRET', 'changeme-changeme-changeme-changeme', /placeholder/],
    ['JWT_SECRET', 'please-replace-me-with-the-real-secret', /placeholder/],
    ['JWT_SECRET', 'short-but-random-Q8x', /at least 32 characters/],
    ['SERVICE_API_KEY', 'k'.repeat(16), /too little variety/],
    ['SERVICE_API_KEY', 'your-api-key-here-123', /placeholder/],
    ['SERVICE_API_KEY', 'P9x-short', /at least 16 characters/],
  ])('then %s = %s stops loading outside development, naming the variable', (name, value, why) => {
    const message = refusal(production({ [name]: value }));
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(new RegExp(`^Invalid configuration: ${name} `));
    expect(message).toMatch(why);
  });

  test('then generated secrets, and the ones the tests and benchmarks use, are accepted', () => {
    for (const value of [GOOD_JWT, GOOD_KEY, TEST_JWT_SECRET, TEST_API_KEY, 'bench-jwt-secret-0123456789abcdef0123456789']) {
      expect(secretWeakness(value)).toBeUndefined();
    }
    for (let i = 0; i < 200; i++) {
      // random hex of the minimum lengths: never refused for lack of variety
      const hex = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('');
      expect(secretWeakness(hex(32))).toBeUndefined();
      expect(secretWeakness(hex(16))).toBeUndefined();
    }
    expect(() => loadConfig(production({}))).not.toThrow();
  });
});

describe("When Swagger UI's Try it out is configured", () => {
  test('then it is off in production unless DOCS_TRY_IT_OUT=true, and on elsewhere unless turned off', () => {
    expect(loadConfig(production({})).docs.tryItOut).toBe(false);
    expect(loadConfig(production({ DOCS_TRY_IT_OUT: 'true' })).docs.tryItOut).toBe(true);
    expect(loadConfig(production({ ENVIRONMENT: 'staging' })).docs.tryItOut).toBe(true);
    expect(loadConfig(production({ ENVIRONMENT: 'staging', DOCS_TRY_IT_OUT: 'false' })).docs.tryItOut).toBe(false);
    expect(loadConfig({ ENVIRONMENT: 'development' }).docs.tryItOut).toBe(true);
  });
});
