import { updateAuthSettings } from '../auth/admin-settings.ts'
import type { Clock } from '../clock.ts'
import { createForm } from '../contact/forms.ts'
import { formSettingsSchema } from '../contact/schemas.ts'
import type { Database } from '../db/client.ts'
import { createCategory } from '../forum/categories.ts'
import { categorySchema } from '../forum/schemas.ts'
import { siteScope } from './scope.ts'
import { createSite } from './service.ts'

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

/**
 * The site a development server makes in an empty database (`DEMO_SITE`, on outside production),
 * so the demo pages at `/demo/` work at once: the site, allowed at `publicUrl`'s origin, a
 * contact form "contact", a forum category "general", and emailed links that point at the demo's
 * members page, which finishes the flows they start. Used by `porchlight serve` and by the Worker
 * under `wrangler dev`. Its secret key is in the result only: show it once.
 *
 * @example
 * const site = await createDemoSite({ db, clock }, 'http://localhost:8787')
 */
export async function createDemoSite(deps: { db: Database; clock: Clock }, publicUrl: string) {
  const site = await createSite(deps, { name: 'Demo site', origins: [new URL(publicUrl).origin] })
  const scope = siteScope(site.id)
  await createForm({ ...deps, allowPrivateWebhooks: false }, scope, demoForm)
  await createCategory(deps, scope, { by: 'owner' }, demoCategory)
  await updateAuthSettings(deps.db, scope, {
    linkTemplate: `${publicUrl}/demo/members.html?action={action}&token={token}`,
  })
  return site
}
