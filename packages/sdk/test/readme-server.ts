// The server the SDK README's samples run against, and what their prose takes as given: the
// real Node server on a socket over a temp libSQL file, the site `npm start` makes (a contact
// form, a `general` category) plus a `help` category, and Bea, a member of a month's standing
// with a thread whose opening post the samples reply to, like, flag and moderate.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '../../../apps/server/src/config.ts'
import { type NodeServer, startNodeServer } from '../../../apps/server/src/entry/node.ts'
import { createCategory } from '../../../apps/server/src/forum/categories.ts'
import { categorySchema } from '../../../apps/server/src/forum/schemas.ts'
import { createLogger } from '../../../apps/server/src/logger.ts'
import { createDemoSite } from '../../../apps/server/src/sites/demo-site.ts'
import { siteScope } from '../../../apps/server/src/sites/scope.ts'
import type { TestApp, TestSite } from '../../../apps/server/test/helpers/app.ts'
import { createTestMember, fastPasswords } from '../../../apps/server/test/helpers/members.ts'
import { createClient } from '../src/index.ts'

export type ReadmeServer = Awaited<ReturnType<typeof startReadmeServer>>

/**
 * Starts the server and sets the scene; `close()` stops it and removes the database.
 *
 * @example
 * const { server, site, bea, ferns } = await startReadmeServer()
 */
export async function startReadmeServer() {
  const dir = mkdtempSync(join(tmpdir(), 'porchlight-sdk-readme-'))
  const env = { DATABASE_URL: `file:${join(dir, 'porchlight.db')}`, DEMO_PAGES: 'false' }
  const server: NodeServer = await startNodeServer({
    config: { ...loadConfig(env), port: 0 },
    log: createLogger({ level: 'silent' }),
    // Cheap scrypt: these samples are about the SDK, not the cost of hashing.
    passwords: fastPasswords,
  })
  const site = await createDemoSite(server.deps, server.url)
  // For the moderation sample's `moveThread(threadId, 'help', …)`.
  await createCategory(
    server.deps,
    siteScope(site.id),
    { by: 'owner' },
    categorySchema.parse({ slug: 'help', name: 'Help', description: 'Questions.' }),
  )
  const password = 'Bea keeps ferns by the window'
  const member = await createTestMember(
    { deps: server.deps } as TestApp,
    { id: site.id } as TestSite,
    { username: 'bea', password },
  )
  const bea = {
    ...member,
    password,
    cookie: await cookieSession(server.url, site.publishableKey, member.email, password),
  }
  const ferns = await createClient({
    url: server.url,
    key: site.publishableKey,
  }).forum.createThread(
    { category: 'general', title: 'Ferns in winter', body: 'Do fern spores survive the frost?' },
    { headers: { authorization: `Bearer ${bea.token}` } },
  )
  return {
    server,
    site,
    bea,
    ferns: { threadId: ferns.id, postId: ferns.postId },
    /** A JSON request as the site's owner, with its secret key; throws unless 2xx. */
    async owner(method: string, path: string, body: unknown) {
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers: { Authorization: `Bearer ${site.secretKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      if (!response.ok)
        throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
    },
    /** The newest email to `to` with a link for `action`, once the outbox sent it. */
    async emailedLink(to: string, action: string): Promise<string> {
      const pattern = new RegExp(`https?://\\S*action=${action}\\S*`)
      for (let attempt = 0; attempt < 200; attempt++) {
        await server.deps.outbox.kick()
        for (const mail of server.deps.devMail?.messages() ?? []) {
          const link = mail.to.some((address) => address.includes(to))
            ? pattern.exec(mail.text)?.[0]
            : undefined
          if (link) return link
        }
        await new Promise((resolve) => setTimeout(resolve, 25))
      }
      throw new Error(`no ${action} email to ${to}`)
    },
    async close() {
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Signs in with cookie sessions, as a browser on the site's own domain; returns `name=value`. */
async function cookieSession(url: string, key: string, email: string, password: string) {
  const response = await fetch(`${url}/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Porchlight-Key': key },
    body: JSON.stringify({ email, password, transport: 'cookie' }),
  })
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith('porchlight_'))
  if (!cookie) throw new Error(`no session cookie: ${response.status}`)
  return cookie.split(';')[0] as string
}
