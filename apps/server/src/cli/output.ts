import type { Config } from '../config.ts'
import type { CliOptions } from './run.ts'

/** A mistake on the command line: printed as is, exit code 2. */
export class CliError extends Error {
  override name = 'CliError'
}

/** A command that could not be carried out (a database out of reach): printed as is, exit 1. */
export class CliFailure extends Error {
  override name = 'CliFailure'
}

export type CommandContext = { config: Config; values: CliOptions; args: string[] }

/** Prints `data` as JSON with --json, else the human-readable lines. */
export function print(ctx: CommandContext, data: unknown, lines: () => string[]) {
  console.log(ctx.values.json ? JSON.stringify(data, null, 2) : lines().join('\n'))
}
