#!/usr/bin/env node
import { Command } from 'commander';
import { registerMigrate } from './migrate.js';

/** The `crms` command line: operator tasks next to the service (`crms --help` lists them). */
export function buildProgram(): Command {
  const program = new Command('crms').description('CRMS operator commands');
  registerMigrate(program);
  return program;
}

const isEntryPoint = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntryPoint) {
  buildProgram()
    .parseAsync(process.argv)
    .catch((err: unknown) => {
      process.stderr.write(`crms: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    });
}
