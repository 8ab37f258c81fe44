import { Option, type Command } from 'commander';
import jwt from 'jsonwebtoken';
import { ConfigError, loadConfig } from '../config.js';
import { demoCustomer } from './demo-data.js';
import { DEMO_ADMIN_ID } from './seed.js';
import { CliError, positiveInteger } from './support.js';

export type TokenRole = 'Administrator' | 'Customer';

export interface TokenOptions {
  role: TokenRole;
  /** The user id (claim `userId`); by default the demo administrator, or the first demo customer. */
  user?: string | undefined;
  expiresInSeconds?: number;
}

const REFUSAL = 'refused: tokens are issued only with ENVIRONMENT=development and the development JWT secret (JWT_SECRET unset)';

/**
 * An access token as the Auth Service issues them (`{userId, role}`, `exp`), signed with the
 * development secret. Refused (CliError, one line) outside ENVIRONMENT=development and whenever a
 * real JWT_SECRET is configured: a token signed with a real secret would be a real credential.
 */
export function developmentToken(env: NodeJS.ProcessEnv, options: TokenOptions): string {
  if (env['ENVIRONMENT'] !== 'development') throw new CliError(REFUSAL);
  let config;
  try {
    config = loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) throw new CliError(err.message);
    throw err;
  }
  if (!config.developmentDefaults.includes('JWT_SECRET')) throw new CliError(REFUSAL);
  const userId = options.user ?? (options.role === 'Administrator' ? DEMO_ADMIN_ID : demoCustomer(0).registration.userId);
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(userId)) {
    throw new CliError('--user must be 1 to 64 letters, digits, "_" or "-" (a user id of the Auth Service)');
  }
  return jwt.sign({ userId, role: options.role }, config.jwt.secret, {
    algorithm: config.jwt.algorithm,
    expiresIn: options.expiresInSeconds ?? 3600,
  });
}

export function registerToken(program: Command): void {
  program
    .command('token')
    .description('print an access token signed with the development JWT secret (ENVIRONMENT=development only)')
    .addOption(new Option('-r, --role <role>', 'the role claim').choices(['Administrator', 'Customer']).makeOptionMandatory())
    .option('-u, --user <id>', 'the userId claim (default: demo-admin, or the first customer of `crms seed`)')
    .addOption(
      new Option('--expires-in <seconds>', 'lifetime of the token').argParser(positiveInteger('--expires-in', 7 * 24 * 3600)).default(3600),
    )
    .addHelpText(
      'after',
      '\nFor trying the API locally: refuses (exit 1) unless ENVIRONMENT=development and JWT_SECRET is unset,\n' +
        'so that the service uses its development secret. Example:\n' +
        '  curl -H "Authorization: Bearer $(ENVIRONMENT=development crms token --role Administrator)" localhost:8001/api/customers',
    )
    .action((options: { role: TokenRole; user?: string; expiresIn: number }) => {
      const token = developmentToken(process.env, { role: options.role, user: options.user, expiresInSeconds: options.expiresIn });
      process.stdout.write(`${token}\n`);
    });
}
