import type { ExecutionContext, ScheduledController } from '@cloudflare/workers-types'
import { createClient } from '@libsql/client/web'
import { createApp } from '../app.ts'
import { loadConfig } from '../config.ts'
import { migrate } from '../db/migrate.ts'
import { createDeps } from '../deps.ts'

/**
 * Cloudflare Workers entry. Bindings are strings set with `wrangler secret put` or `[vars]`:
 * DATABASE_URL (libsql://… or https://…), DATABASE_AUTH_TOKEN, PUBLIC_URL, LOG_LEVEL, …
 */
export type WorkerEnv = Record<string, unknown>

type Instance = {
  app: ReturnType<typeof createApp>
  deps: ReturnType<typeof createDeps>
  ready: Promise<unknown>
}

// One app per isolate, rebuilt only if the bindings change (a new deployment's isolate starts
// fresh anyway). Migrations run once per isolate before its first request.
let instance: { env: WorkerEnv; value: Instance } | undefined

function instanceFor(env: WorkerEnv): Instance {
  if (instance?.env === env) return instance.value
  // Behind Cloudflare the client's address is in cf-connecting-ip and nowhere else.
  const config = loadConfig({ TRUST_PROXY: 'cloudflare', ...stringsOf(env) })
  const client = createClient({
    url: config.database.url,
    ...(config.database.authToken && { authToken: config.database.authToken }),
  })
  const deps = createDeps({ config, client, delivery: { drains: 'per-call' } })
  const ready = migrate(client).catch((error) => {
    instance = undefined // let the next request try again instead of failing forever
    throw error
  })
  const value = { app: createApp(deps), deps, ready }
  instance = { env, value }
  return value
}

function stringsOf(env: WorkerEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'),
  )
}

export default {
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    const { app, ready } = instanceFor(env)
    await ready
    return app.fetch(request, env, ctx)
  },

  /** The cron trigger: retries that have come due, and housekeeping. */
  async scheduled(_controller: ScheduledController, env: WorkerEnv, ctx: ExecutionContext) {
    const { deps, ready } = instanceFor(env)
    ctx.waitUntil(ready.then(() => deps.outbox.tick()))
  },
}
