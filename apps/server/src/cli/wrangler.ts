import { CliError } from './output.ts'

/** One D1 database as wrangler's config declares it (`[[d1_databases]]`). */
export type WranglerD1Database = {
  binding: string
  database_name?: string
  database_id?: string
  preview_database_id?: string
}

/** The part of wrangler's resolved config the CLI reads. */
export type WranglerConfig = {
  /** The file it came from; undefined when no config file was found. */
  configPath?: string
  /** The operator's own file, when configPath is one a build tool generated from it. */
  userConfigPath?: string
  name?: string
  account_id?: string
  compatibility_date?: string
  compliance_region?: string
  d1_databases: WranglerD1Database[]
}

/**
 * The two functions of wrangler's JavaScript API the CLI uses, typed here: wrangler's own
 * declarations lean on a package it does not install, and the CLI relies on nothing more.
 */
export type WranglerApi = {
  unstable_readConfig(
    args: { config?: string; env?: string },
    options?: { hideWarnings?: boolean },
  ): WranglerConfig
  getPlatformProxy(options: {
    configPath: string
    persist: { path: string }
    remoteBindings: boolean
    envFiles: string[]
  }): Promise<{ env: Record<string, unknown>; dispose(): Promise<void> }>
}

/**
 * Loads wrangler (Cloudflare's CLI), which reads the Worker's config and reaches its D1 database.
 * It is a development dependency of a Workers project, not of Porchlight: when it is missing,
 * the operator is told what to install instead of seeing a module resolution error.
 *
 * @example const wrangler = await loadWrangler()
 */
export async function loadWrangler(
  load: () => Promise<unknown> = () => import('wrangler'),
): Promise<WranglerApi> {
  try {
    return (await load()) as WranglerApi
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException
    if (code !== 'ERR_MODULE_NOT_FOUND' || !message.includes("'wrangler'")) throw error
    throw new CliError(
      '--d1 reaches the database through wrangler, which is not installed here. Install it in your Worker project: npm install --save-dev wrangler@4',
    )
  }
}

/**
 * Runs `work` with wrangler's own console output off, unless the operator asked for it with
 * WRANGLER_LOG: wrangler prints its failures with stack traces, and the CLI reports them itself
 * in a sentence. Its log level is read at each message, so setting the variable is enough.
 */
export async function withWranglerQuiet<T>(work: () => Promise<T>): Promise<T> {
  if (process.env.WRANGLER_LOG !== undefined) return work()
  process.env.WRANGLER_LOG = 'none'
  try {
    return await work()
  } finally {
    delete process.env.WRANGLER_LOG
  }
}
