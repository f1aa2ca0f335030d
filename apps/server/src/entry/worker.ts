import type { ExecutionContext, ScheduledController } from '@cloudflare/workers-types'
import { createApp } from '../app.ts'
import { readCommonPasswordsFrom } from '../auth/common-passwords.ts'
import { ConfigError, loadConfig, productionProblems } from '../config.ts'
import { databaseFault } from '../db/faults.ts'
import { migrate } from '../db/migrate.ts'
import { type AppDeps, createDeps } from '../deps.ts'
import { ApiError, errorBody, HttpErrors } from '../http/errors.ts'
import { createLogger, describeError } from '../logger.ts'
import { MailSetupError } from '../mail/transport.ts'
import { logLineMetrics } from '../metrics/log-lines.ts'
import { createDemoSite } from '../sites/demo-site.ts'
import { allSites } from '../sites/queries.ts'
import { type AssetsBinding, workerAssets } from './worker-assets.ts'
import { commonPasswordsFromAssets } from './worker-common-passwords.ts'
import { workerDatabase } from './worker-database.ts'
import { explicitMode, productionRequest } from './worker-mode.ts'

/**
 * Cloudflare Workers entry. Bindings: `DB` (a D1 database) or the `DATABASE_URL` and
 * `DATABASE_AUTH_TOKEN` secrets (Turso); `ASSETS` (the static assets: `/embed.js`, the demo
 * pages); and the settings as strings from `[vars]` and secrets: PUBLIC_URL, MAIL_TRANSPORT, …
 */
export type WorkerEnv = Record<string, unknown>

type Serving = {
  app: ReturnType<typeof createApp>
  deps: AppDeps
  ready: Promise<void>
  /** Set once `ready` has resolved: later requests go straight to the app. */
  started?: true
}
/** A configuration the Worker cannot serve with at all: every request gets this answer. */
type Refused = { refused: ApiError }
type Instance = Serving | Refused

// One app per isolate, rebuilt only if the bindings or the mode change (a new deployment's
// isolate starts fresh anyway). Migrations run once per isolate before its first request.
let current: { env: WorkerEnv; production: boolean; instance: Instance } | undefined

function instanceFor(env: WorkerEnv, production: boolean, url?: string): Instance {
  if (current?.env === env && current.production === production) return current.instance
  const instance = start(env, production, url)
  current = { env, production, instance }
  if ('ready' in instance) {
    instance.ready.then(
      () => {
        instance.started = true
      },
      () => {
        // Let the next request try again instead of failing forever.
        if (current?.instance === instance) current = undefined
      },
    )
  }
  return instance
}

// The mode of the last request's origin. An isolate's requests nearly all come to one host, so
// the URL is parsed (twice: the mode, then the origin) only when the origin changes; a URL as
// the runtime hands it over is serialized, so its origin plus "/" begins it.
let lastMode: { env: WorkerEnv; prefix: string; production: boolean } | undefined

function modeOf(url: string, env: WorkerEnv): boolean {
  if (lastMode?.env === env && url.startsWith(lastMode.prefix)) return lastMode.production
  const production = productionRequest(url, env)
  lastMode = { env, prefix: `${new URL(url).origin}/`, production }
  return production
}

function start(env: WorkerEnv, production: boolean, url: string | undefined): Instance {
  const origin = url === undefined ? undefined : new URL(url).origin
  let config: ReturnType<typeof loadConfig>
  let database: ReturnType<typeof workerDatabase>
  try {
    config = loadConfig(
      {
        // Behind Cloudflare the client's address is in CF-Connecting-IP and nowhere else.
        TRUST_PROXY: 'cloudflare',
        // Under `wrangler dev` the Worker is wherever it was reached (any port): links and the
        // demo site's origin follow. Production has no default: it must be set, and https.
        ...(!production && origin !== undefined ? { PUBLIC_URL: origin } : {}),
        ...stringsOf(env),
      },
      { production },
    )
    database = workerDatabase(env, config.database)
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    return refuse(error)
  }
  // The build keeps the list out of the bundle (auth/common-passwords.ts); without the binding
  // there is no list, and registration and password changes fail rather than skip the check.
  if (isAssetsBinding(env.ASSETS)) readCommonPasswordsFrom(commonPasswordsFromAssets(env.ASSETS))
  let deps: AppDeps
  try {
    // No process to scrape: metrics are log lines (metrics/log-lines.ts).
    const log = createLogger({ level: config.logLevel })
    deps = createDeps({
      config,
      log,
      metrics: logLineMetrics(log),
      ...database.options,
      delivery: { drains: 'per-request' },
      ...(isAssetsBinding(env.ASSETS) && { assets: workerAssets(env.ASSETS) }),
      // Workers compress by `Content-Encoding` themselves, and Cloudflare's edge by content type.
      runtimeCompresses: true,
    })
  } catch (error) {
    // A transport this runtime cannot build (MAIL_TRANSPORT=smtp: a Worker has no TCP sockets).
    if (!(error instanceof MailSetupError)) throw error
    return refuse(new ConfigError(`Invalid environment:\n  MAIL_TRANSPORT: ${error.message}`))
  }
  const problems = productionProblems(config)
  if (problems.length > 0) {
    // Once per cold start. The API keeps serving (nothing is lost: emails wait in the outbox),
    // but /readyz answers 503 UNSAFE_CONFIGURATION until the settings are fixed.
    deps.log.error('unsafe configuration for production: not ready, and no email is sent', {
      problems,
    })
  }
  return { app: createApp(deps), deps, ready: prepare(deps) }
}

/** Migrations; then, under `wrangler dev` with an empty database, the demo site. */
async function prepare(deps: AppDeps) {
  await migrate(deps.client)
  const { config, db, clock } = deps
  if (config.production || !config.demoSite) return
  if ((await allSites(db).limit(1)).length > 0) return
  const site = await createDemoSite({ db, clock }, config.publicUrl)
  // The terminal running `wrangler dev` is the developer's own, as with `porchlight serve`.
  console.log(
    [
      '',
      `Porchlight (Worker) at ${config.publicUrl}: a demo site was created (${site.id}) with a contact form, "contact", and a forum category, "general".`,
      `  publishable key: ${site.publishableKey}`,
      `  secret key:      ${site.secretKey}   (shown only this once)`,
      `  console:         ${config.publicUrl}/console/`,
      `  demo pages:      ${config.publicUrl}/demo/`,
      ...(config.mail.transport === 'dev'
        ? ['  Emails are not sent: each one is printed here.']
        : []),
      '',
    ].join('\n'),
  )
}

/**
 * The configuration cannot work at all (an invalid value, no database, or two): every request
 * answers 503 naming the variables, and the log says what is wrong, once per cold start.
 */
function refuse(error: ConfigError): Refused {
  createLogger({ level: 'error' }).error('the Worker cannot start: fix its configuration', {
    problems: error.message,
  })
  const names = [...error.message.matchAll(/^ {2}([A-Z0-9_, .]+):/gm)].map((m) => m[1])
  return {
    refused: new ApiError(
      503,
      'INVALID_CONFIGURATION',
      `This server is not configured correctly (${names.join('; ')}); its log says what to change.`,
    ),
  }
}

/** A failed start (the database unreachable, a migration refused): 503 for a passing fault. */
function startFailure(error: unknown, deps: AppDeps): ApiError {
  const fault = databaseFault(error)
  deps.log.error('the Worker could not prepare its database', describeError(error))
  return fault === 'busy'
    ? HttpErrors.databaseBusy()
    : fault === 'unavailable'
      ? HttpErrors.databaseUnavailable()
      : HttpErrors.internal()
}

function answer(error: ApiError): Response {
  return Response.json(errorBody(error.code, error.message, error.fields), {
    status: error.status,
    headers: { 'Cache-Control': 'no-store', ...error.headers },
  })
}

function stringsOf(env: WorkerEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'),
  )
}

function isAssetsBinding(value: unknown): value is AssetsBinding {
  return typeof (value as Partial<AssetsBinding> | null)?.fetch === 'function'
}

/** A request that arrived before its isolate was ready: it waits for the migrations. */
async function afterStart(
  instance: Serving,
  request: Request,
  env: WorkerEnv,
  ctx: ExecutionContext,
): Promise<Response> {
  try {
    await instance.ready
  } catch (error) {
    return answer(startFailure(error, instance.deps))
  }
  return instance.app.fetch(request, env, ctx)
}

export default {
  fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Response | Promise<Response> {
    // Read once: each read of a workerd request's `url` copies it into a new string.
    const url = request.url
    const instance = instanceFor(env, modeOf(url, env), url)
    if ('refused' in instance) return answer(instance.refused)
    // Once started, no await: the app's answer is handed back as it comes.
    if (instance.started) return instance.app.fetch(request, env, ctx)
    return afterStart(instance, request, env, ctx)
  },

  /** The cron trigger: retries that have come due, and housekeeping. */
  async scheduled(_controller: ScheduledController, env: WorkerEnv, ctx: ExecutionContext) {
    // No request to judge by: the isolate's mode, else production unless a variable says not.
    const production = current?.env === env ? current.production : (explicitMode(env) ?? true)
    const instance = instanceFor(env, production)
    if ('refused' in instance) return
    ctx.waitUntil(
      instance.ready.then(
        () => instance.deps.outbox.tick(),
        (error: unknown) => {
          instance.deps.log.warn('scheduled run skipped: the database is not ready', {
            ...describeError(error),
          })
        },
      ),
    )
  },
}
