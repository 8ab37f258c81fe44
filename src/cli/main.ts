#!/usr/bin/env node
/**
 * `crms <command>`: the operator commands (`npx crms --help` in the repository, `crms --help` in the
 * container image). Each command lives in its own file and registers itself here.
 */
import { Command } from 'commander';
import { registerMigrate } from './migrate.js';
import { registerSeed } from './seed.js';
import { registerToken } from './token.js';

const program = new Command('crms')
  .description('CRMS, the customer management service: operator commands')
  .showHelpAfterError('(add --help for usage)');
registerMigrate(program);
registerToken(program);
registerSeed(program);

try {
  await program.parseAsync();
} catch (err) {
  const command = program.args[0] ?? 'crms';
  // a refusal, a configuration problem or a failure (e.g. no database): one line, exit code 1
  process.stderr.write(`crms ${command}: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
