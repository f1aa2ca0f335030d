// The real Porchlight server for the SDK's scenario tests: the Node entry (`startNodeServer`) on
// a socket over a temp libSQL file, started once per test file. Each scene is a new site on it,
// so tests share no rows, rate-limit buckets or sessions, set up through the same services the
// CLI uses; the SDK reaches it through a recording front (recording-front.ts). Emails go to the
// server's own development transport, which keeps them instead of sending them.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { z } from 'zod'
import { updateAuthSettings } from '../../../apps/server/src/auth/admin-settings.ts'
import { createMember } from '../../../apps/server/src/auth/create-member.ts'
import { deleteMemberSessions } from '../../../apps/server/src/auth/sessions.ts'
import { readAuthSettings } from '../../../apps/server/src/auth/settings.ts'
import { loadConfig } from '../../../apps/server/src/config.ts'
import { createForm } from '../../../apps/server/src/contact/forms.ts'
import { formSettingsSchema } from '../../../apps/server/src/contact/schemas.ts'
import { startNodeServer } from '../../../apps/server/src/entry/node.ts'
import { createCategory } from '../../../apps/server/src/forum/categories.ts'
import { categorySchema } from '../../../apps/server/src/forum/schemas.ts'
import { createLogger } from '../../../apps/server/src/logger.ts'
import { createDevMailTransport } from '../../../apps/server/src/mail/dev.ts'
import { siteScope } from '../../../apps/server/src/sites/scope.ts'
import { createSite } from '../../../apps/server/src/sites/service.ts'
import { fastPasswords } from '../../../apps/server/test/helpers/members.ts'
import { startRecordingFront } from './recording-front.ts'
import {
  type FormsScene,
  type MembersScene,
  memberPassword,
  type SceneOptions,
  type SentMail,
  type StoredSubmission,
  type sceneForms,
  siteOrigin,
} from './scene.ts'

/** The forms of every forms scene (scene.ts), as the site's owner set them up. */
const forms: {
  id: (typeof sceneForms)[number]
  enabled: boolean
  settings: z.input<typeof formSettingsSchema>
}[] = [
  { id: 'contact', enabled: true, settings: { fields: { email: { type: 'email' } } } },
  { id: 'quote', enabled: true, settings: {} },
  { id: 'closed', enabled: false, settings: {} },
  { id: 'limited', enabled: true, settings: { rateLimits: { perAddressPerHour: 1 } } },
]

export interface RealServer {
  /** A new site with the categories `general` and `help`, and no members yet. */
  membersScene(options?: SceneOptions): Promise<MembersScene>
  /** A new site with the forms of `sceneForms`. */
  formsScene(options?: SceneOptions): Promise<FormsScene>
  /** Stops the server and deletes its database. */
  close(): Promise<void>
}

/**
 * Starts the server; `close()` stops it and deletes its database.
 *
 * @example
 * const real = await startRealServer()
 * const server = await real.membersScene() // a new site, reached through a new front
 */
export async function startRealServer(): Promise<RealServer> {
  const dir = mkdtempSync(join(tmpdir(), 'porchlight-sdk-scenes-'))
  const log = createLogger({ level: 'silent' })
  // The server's clock, which a forms scene moves or stops; reset for each scene.
  let offset = 0
  let stoppedAt: number | undefined
  const clock = { now: () => (stoppedAt ?? Date.now()) + offset }
  const mail = createDevMailTransport({ log, clock, keep: 1000 })
  const server = await startNodeServer({
    config: {
      ...loadConfig({ DATABASE_URL: `file:${join(dir, 'porchlight.db')}`, DEMO_PAGES: 'false' }),
      port: 0,
    },
    log,
    clock,
    mail,
    // Cheap scrypt: these tests are about the SDK, not the cost of hashing.
    passwords: fastPasswords,
  })
  const { deps } = server

  /** A new site allowing the site's origin and the front's, reached through a new front. */
  async function newSite(options: SceneOptions) {
    offset = 0
    stoppedAt = undefined
    // Whatever an earlier scene queued is sent now, so this scene's mail starts empty.
    await deps.outbox.kick()
    const mailBefore = mail.messages()[0]
    const front = await startRecordingFront(server.url, options.pages)
    const site = await createSite(deps, { name: 'Ferns', origins: [siteOrigin, front.url] })
    const scope = siteScope(site.id)
    if (options.authSettings) await updateAuthSettings(deps.db, scope, options.authSettings)
    return { front, site, scope, mailBefore }
  }

  return {
    async membersScene(options = {}): Promise<MembersScene> {
      const { front, site, scope, mailBefore } = await newSite(options)
      for (const [position, slug] of ['general', 'help'].entries()) {
        const name = slug[0]?.toUpperCase() + slug.slice(1)
        await createCategory(
          deps,
          scope,
          { by: 'owner' },
          categorySchema.parse({ slug, name, position }),
        )
      }
      return {
        url: front.url,
        key: site.publishableKey,
        seen: front.seen,
        addMember: ({ email, displayName, role = 'member', verified = true }) =>
          // The operator's way to add a member (`porchlight user create`): no email, no session.
          createMember(deps, scope, readAuthSettings({}), {
            email,
            password: memberPassword,
            displayName: displayName ?? email.split('@')[0] ?? email,
            role,
            verified,
          }),
        endSessions: (memberId) => deleteMemberSessions(deps.db, scope, memberId).then(() => {}),
        async lastMail(to) {
          await deps.outbox.kick()
          // Newest first, down to the newest of an earlier scene.
          for (const message of mail.messages()) {
            if (message === mailBefore) break
            if (!message.to.includes(to)) continue
            const link = linkIn(message.text)
            if (link) return { to, ...link }
          }
          return undefined
        },
        close: front.close,
      }
    },

    async formsScene(options = {}): Promise<FormsScene> {
      const { front, site, scope } = await newSite(options)
      for (const form of forms) {
        await createForm({ ...deps, allowPrivateWebhooks: false }, scope, {
          id: form.id,
          name: form.id,
          enabled: form.enabled,
          settings: formSettingsSchema.parse(form.settings),
        })
      }
      return {
        url: front.url,
        key: site.publishableKey,
        seen: front.seen,
        // Through the owner's API, with the site's secret key, as the owner reads them.
        async submissions() {
          const response = await fetch(`${server.url}/v1/admin/submissions?limit=100`, {
            headers: { Authorization: `Bearer ${site.secretKey}` },
          })
          if (!response.ok) throw new Error(`submissions: ${response.status}`)
          const { items } = (await response.json()) as {
            items: {
              id: string
              formId: string
              data: Record<string, unknown>
              spamReasons: string[]
            }[]
          }
          return items.reverse().map(
            (item): StoredSubmission => ({
              id: item.id,
              formId: item.formId,
              fields: item.data,
              spamReasons: item.spamReasons,
            }),
          )
        },
        moveClock: (ms) => void (offset += ms),
        stopClock: () => void (stoppedAt = Date.now()),
        close: front.close,
      }
    },

    async close() {
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** The link in an email's text part: `<label>: <origin>/account?action=…&token=…`. */
function linkIn(text: string): Omit<SentMail, 'to'> | undefined {
  const url = /https?:\/\/\S+/.exec(text)?.[0]
  if (!url) return undefined
  const params = new URL(url).searchParams
  const action = params.get('action')
  const token = params.get('token')
  const actions = ['verify-email', 'reset-password', 'confirm-email-change', 'sign-in']
  if (!action || !actions.includes(action)) return undefined
  return token ? { action: action as SentMail['action'], token, url } : undefined
}
