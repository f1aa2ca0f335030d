// The soak's database and its mixed load: what a busy small deployment sees in a day, compressed.
import { randomBytes } from 'node:crypto'
import { updateAuthSettings } from '../src/auth/admin-settings.ts'
import { systemClock } from '../src/clock.ts'
import { createForm } from '../src/contact/forms.ts'
import { formSettingsSchema } from '../src/contact/schemas.ts'
import { createDatabase } from '../src/db/client.ts'
import { migrate } from '../src/db/migrate.ts'
import { openDatabase } from '../src/entry/node.ts'
import { createCategory } from '../src/forum/categories.ts'
import { categorySchema } from '../src/forum/schemas.ts'
import { forumSettingsStore } from '../src/forum/settings.ts'
import { siteScope } from '../src/sites/scope.ts'
import { createSite } from '../src/sites/service.ts'

export type SoakSite = { publishableKey: string; origin: string }

/**
 * One site with a contact form (notifications on, so every submission also goes through the
 * outbox and the mail transport), a forum category, and members allowed to post before they
 * verify their address. Made by our own services, as in setup.ts.
 */
export async function seedSoakDatabase(path: string): Promise<SoakSite> {
  const client = await openDatabase({ url: `file:${path}` })
  try {
    await migrate(client)
    const db = createDatabase(client)
    const deps = { db, clock: systemClock }
    const origin = 'https://soak.example'
    const site = await createSite(deps, { name: 'Soak site', origins: [origin] })
    const scope = siteScope(site.id)
    await createForm({ ...deps, allowPrivateWebhooks: false }, scope, {
      id: 'soak',
      name: 'Contact',
      enabled: true,
      settings: formSettingsSchema.parse({
        notify: ['owner@soak.example'],
        // Every request comes from a client of its own (X-Forwarded-For), but the form-wide
        // limit would still stop a long soak; proof of work is a client's CPU, not the server's.
        rateLimits: { perAddressPerHour: 100_000, perFormPerHour: 1_000_000 },
        spam: { proofOfWork: 'off' },
      }),
    })
    await createCategory(
      deps,
      scope,
      { by: 'owner' },
      categorySchema.parse({ slug: 'general', name: 'General' }),
    )
    await updateAuthSettings(db, scope, { allowUnverifiedPosting: true })
    // Every member here is new; first-day limits would turn most posts into 429s.
    await forumSettingsStore.update(db, scope, { newMember: { hours: 0 } })
    return { publishableKey: site.publishableKey, origin }
  } finally {
    client.close()
  }
}

export type LaneStats = { name: string; statuses: Map<number | string, number> }

/** What each request expects; anything else is counted as a problem. */
type Step = { method: string; path: string; body?: unknown; token?: string; expect: number[] }

const words = ['lantern', 'harbour', 'meadow', 'copper', 'willow', 'granite', 'ember', 'quill']
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T
const sentence = (n: number) => Array.from({ length: n }, () => pick(words)).join(' ')

/**
 * The load, as lanes that each loop until `until`: contact submissions, reads of the site and
 * the forum, forum posts, searches, and registrations and sign-ins at a modest pace (each hashes
 * a password: about a quarter of a second of CPU).
 */
export function soakLanes(url: string, site: SoakSite, until: number) {
  let address = 0
  // A client of its own for each request: per-address limits stay out of the way, and every
  // new address is a new rate-limit row, as with real visitors.
  const nextAddress = () => {
    address++
    return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`
  }
  const members: { email: string; token?: string }[] = []
  const threads: string[] = []

  async function send(stats: LaneStats, step: Step): Promise<unknown> {
    let status: number | string
    let json: unknown
    try {
      const res = await fetch(url + step.path, {
        method: step.method,
        headers: {
          'X-Porchlight-Key': site.publishableKey,
          Origin: site.origin,
          'X-Forwarded-For': nextAddress(),
          ...(step.body !== undefined && { 'Content-Type': 'application/json' }),
          ...(step.token && { Authorization: `Bearer ${step.token}` }),
        },
        ...(step.body !== undefined && { body: JSON.stringify(step.body) }),
        signal: AbortSignal.timeout(30_000),
      })
      status = res.status
      json = res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text()
    } catch (error) {
      status = error instanceof Error ? error.name : 'error'
    }
    const key = typeof status === 'number' && step.expect.includes(status) ? status : `${status}!`
    stats.statuses.set(key, (stats.statuses.get(key) ?? 0) + 1)
    return json
  }

  const paced = async (ms: number, started: number) => {
    const wait = ms - (Date.now() - started)
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
  }

  const lane = (name: string, step: (stats: LaneStats) => Promise<void>, everyMs = 0) => {
    const stats: LaneStats = { name, statuses: new Map() }
    const done = (async () => {
      while (Date.now() < until) {
        const started = Date.now()
        await step(stats)
        await paced(everyMs, started)
      }
    })()
    return { stats, done }
  }

  const contact = (stats: LaneStats) =>
    send(stats, {
      method: 'POST',
      path: '/v1/forms/soak/submissions',
      body: {
        email: `visitor${address}@soak.example`,
        name: 'A visitor',
        message: `${sentence(30)} ${randomBytes(6).toString('hex')}`,
      },
      expect: [201],
    }).then(() => {})

  const read = async (stats: LaneStats) => {
    const thread = threads.length > 0 ? pick(threads) : undefined
    const paths = ['/v1/site', '/v1/forum/categories', '/v1/forum/categories/general/threads']
    if (thread) paths.push(`/v1/forum/threads/${thread}`, `/v1/forum/threads/${thread}/posts`)
    await send(stats, { method: 'GET', path: pick(paths), expect: [200] })
  }

  const search = (stats: LaneStats) =>
    send(stats, {
      method: 'GET',
      path: `/v1/forum/search?q=${pick(words)}`,
      expect: [200],
    }).then(() => {})

  const register = async (stats: LaneStats) => {
    const email = `member${members.length}-${randomBytes(3).toString('hex')}@soak.example`
    await send(stats, {
      method: 'POST',
      path: '/v1/auth/register',
      body: { email, password: 'soak-password-1234', displayName: `Member ${members.length}` },
      expect: [202],
    })
    members.push({ email })
  }

  const signIn = async (stats: LaneStats) => {
    const member = members.length > 0 ? pick(members) : undefined
    if (!member) return
    const answer = (await send(stats, {
      method: 'POST',
      path: '/v1/auth/login',
      body: { email: member.email, password: 'soak-password-1234' },
      expect: [200],
    })) as { token?: string } | undefined
    if (answer?.token) member.token = answer.token
  }

  const post = async (stats: LaneStats) => {
    const author = members.filter((m) => m.token)
    const token = author.length > 0 ? pick(author).token : undefined
    if (!token) return
    const body = `${sentence(40)}\n\n- ${pick(words)}\n- [a link](https://soak.example/${pick(words)})`
    if (threads.length === 0 || Math.random() < 0.1) {
      const answer = (await send(stats, {
        method: 'POST',
        path: '/v1/forum/threads',
        body: { category: 'general', title: sentence(5), body },
        token,
        expect: [201],
      })) as { thread?: { id?: string }; id?: string } | undefined
      const id = answer?.thread?.id ?? answer?.id
      if (id) threads.push(id)
    } else {
      await send(stats, {
        method: 'POST',
        path: `/v1/forum/threads/${pick(threads)}/posts`,
        body: { body },
        token,
        expect: [201],
      })
    }
  }

  return [
    lane('registrations (1 per 3 s)', register, 3000),
    lane('sign-ins (1 per 1.5 s)', signIn, 1500),
    lane('contact submissions', contact),
    lane('contact submissions', contact),
    lane('reads', read),
    lane('reads', read),
    lane('reads', read),
    lane('forum posts (up to 5/s)', post, 200),
    lane('searches (up to 5/s)', search, 200),
  ]
}
