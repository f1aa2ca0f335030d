import { updateAuthSettings } from '../auth/admin-settings.ts'
import { createForm } from '../contact/forms.ts'
import { formSettingsSchema } from '../contact/schemas.ts'
import { migrate } from '../db/migrate.ts'
import { openDatabase, startNodeServer } from '../entry/node.ts'
import { createCategory } from '../forum/categories.ts'
import { categorySchema } from '../forum/schemas.ts'
import { createLogger } from '../logger.ts'
import { allSites } from '../sites/queries.ts'
import { siteScope } from '../sites/scope.ts'
import { createSite } from '../sites/service.ts'
import type { CommandContext } from './output.ts'

export async function migrateCommand(ctx: CommandContext): Promise<number> {
  const client = await openDatabase(ctx.config.database)
  try {
    const { applied } = await migrate(client)
    console.log(applied.length ? `Applied ${applied.join(', ')}` : 'The database is up to date.')
  } finally {
    client.close()
  }
  return 0
}

/** Serves until SIGINT or SIGTERM, then shuts down gracefully. */
export async function serveCommand(ctx: CommandContext): Promise<number> {
  const { config } = ctx
  const log = createLogger({ level: config.logLevel })
  const server = await startNodeServer({ config, log })
  const { db, clock } = server.deps
  const sites = await allSites(db)
  if (sites.length === 0 && config.demoSite) {
    const site = await createSite(
      { db, clock },
      { name: 'Demo site', origins: [new URL(config.publicUrl).origin] },
    )
    const scope = siteScope(site.id)
    await createForm({ db, clock, allowPrivateWebhooks: false }, scope, demoForm)
    // The demo's discussions page shows this category, and its members page finishes the
    // flows that emailed links start.
    await createCategory({ db, clock }, scope, { by: 'owner' }, demoCategory)
    await updateAuthSettings(db, scope, {
      linkTemplate: `${config.publicUrl}/demo/members.html?action={action}&token={token}`,
    })
    console.log(
      banner(config.publicUrl, [
        `A demo site was created (${site.id}) with a contact form, "contact", and a forum`,
        'category, "general".',
        `  publishable key: ${site.publishableKey}`,
        `  secret key:      ${site.secretKey}`,
        '                   (shown only this once: store it now)',
        ...(config.mail.transport === 'dev'
          ? [`Emails are not sent in development: read them at ${config.publicUrl}/dev/mail`]
          : []),
      ]),
    )
  } else {
    console.log(
      banner(
        config.publicUrl,
        sites.map((s) => `Site "${s.name}" (${s.id}): ${s.publishableKey}`),
      ),
    )
  }
  log.info('listening', { url: server.url, database: redactUrl(config.database.url) })

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      log.info('shutting down', { signal })
      void server.close().then(resolve)
    }
    process.once('SIGINT', () => stop('SIGINT'))
    process.once('SIGTERM', () => stop('SIGTERM'))
  })
  return 0
}

const demoForm = {
  id: 'contact',
  name: 'Contact',
  enabled: true,
  settings: formSettingsSchema.parse({
    notify: ['owner@example.com'],
    fields: {
      name: { label: 'Name', maxLength: 200 },
      email: { type: 'email', required: true, label: 'Email' },
      message: { required: true, label: 'Message' },
    },
  }),
}

const demoCategory = categorySchema.parse({
  slug: 'general',
  name: 'General',
  description: 'Say hello, ask anything.',
})

function banner(url: string, lines: string[]) {
  return ['', `Porchlight is running at ${url}`, ...lines, '', ''].join('\n')
}

/** Database URLs may carry credentials in their query string; logs get the host only. */
function redactUrl(url: string) {
  return url.replace(/\?.*$/, '')
}
