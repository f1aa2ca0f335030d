import type { Context } from 'hono'
import { expect } from 'vitest'
import {
  createTestApp,
  createTestSite,
  manualClock,
  type TestApp,
  type TestSite,
} from '../../test/helpers/app.ts'
import { bearer, jsonRequest, rows } from '../../test/helpers/http.ts'
import type { Job, JobHandlers } from '../outbox/jobs.ts'
import {
  encodeProofOfWork,
  type ProofOfWorkChallenge,
  solveChallenge,
} from '../spam/proof-of-work.ts'
import type { TurnstileResult, TurnstileVerifier } from '../spam/turnstile.ts'

// Scenario tests of the public contact-form endpoints share this: the real app over a real
// libSQL file, a clock moved by hand, stand-ins for the outbox handlers and Turnstile, and the
// requests a browser, the SDK or a bot would send.

export const siteOrigin = 'https://site.example'
export const contactPage = `${siteOrigin}/contact`
/** What the test app sees as every caller's socket address. */
export const socketAddress = '203.0.113.9'
/** Longer than the default `minSeconds` (3) of the time trap: a person filling in a form. */
export const humanDelayMs = 5_000

export type ManualClock = ReturnType<typeof manualClock>

/** Turnstile without Cloudflare: the token says what the answer is (`pass`, `fail`, `down`). */
export type TurnstileStandIn = TurnstileVerifier & {
  calls: Parameters<TurnstileVerifier['verify']>[0][]
}

export function turnstileStandIn(): TurnstileStandIn {
  const calls: TurnstileStandIn['calls'] = []
  return {
    calls,
    async verify(input): Promise<TurnstileResult> {
      calls.push(input)
      if (input.token === 'pass') return { success: true, errorCodes: [] }
      if (input.token === 'down') return { success: false, errorCodes: ['network-error'] }
      return { success: false, errorCodes: ['invalid-input-response'] }
    },
  }
}

export type ContactHarness = {
  t: TestApp
  clock: ManualClock
  site: TestSite
  turnstile: TurnstileStandIn
  /** Jobs the outbox handed to the stand-in email and webhook handlers. */
  delivered: Job[]
  handlers: JobHandlers
  /** Lets the outbox finish what the last request started, then removes the database. */
  close(): Promise<void>
}

/** A fresh app and database with one site on `https://site.example`. */
export async function createContactHarness(
  options: {
    env?: Record<string, string>
    siteName?: string
    /** The socket's peer for each request (default: one visitor, `socketAddress`). */
    socketAddress?: (c: Context) => string | undefined
  } = {},
): Promise<ContactHarness> {
  const clock = manualClock()
  const turnstile = turnstileStandIn()
  const delivered: Job[] = []
  const record = async (job: Job) => void delivered.push(job)
  const handlers: JobHandlers = { email: record, webhook: record }
  const t = await createTestApp({
    clock,
    turnstile,
    handlers,
    ...(options.env && { env: options.env }),
    ...(options.socketAddress && { socketAddress: options.socketAddress }),
  })
  const site = await createTestSite(t, {
    name: options.siteName ?? 'Test site',
    origins: [siteOrigin],
  })
  return {
    t,
    clock,
    site,
    turnstile,
    delivered,
    handlers,
    async close() {
      await t.deps.outbox.kick()
      await t.close()
    },
  }
}

/** Creates a form through the owner's API, as the docs tell an owner to. */
export async function createForm(
  h: { t: TestApp; site: TestSite },
  form: { id: string; name?: string; enabled?: boolean; settings?: Record<string, unknown> },
): Promise<void> {
  const res = await h.t.app.request(
    '/v1/admin/forms',
    jsonRequest('POST', { name: 'Contact', ...form }, bearer(h.site.secretKey)),
  )
  expect(res.status, await res.clone().text()).toBe(201)
}

/** The headers a page on the site sends with the SDK. */
export function sdkHeaders(
  site: TestSite,
  origin: string | null = siteOrigin,
): Record<string, string> {
  return { 'X-Porchlight-Key': site.publishableKey, ...(origin && { Origin: origin }) }
}

export type Challenge = ProofOfWorkChallenge & { timeToken: string }

export async function fetchChallenge(h: ContactHarness, formId: string): Promise<Challenge> {
  const res = await h.t.app.request(`/v1/forms/${formId}/challenge`, {
    headers: sdkHeaders(h.site),
  })
  expect(res.status).toBe(200)
  return (await res.json()) as Challenge
}

/** A challenge fetched and solved: the `_altcha` and `_t` the SDK sends, and what it solved. */
export async function solvedControls(h: ContactHarness, formId: string) {
  const challenge = await fetchChallenge(h, formId)
  const solved = await solveChallenge(challenge)
  if (!solved) throw new Error('the challenge has no solution')
  const { algorithm, challenge: hash, salt, signature } = challenge
  return {
    challenge,
    number: solved.number,
    _altcha: encodeProofOfWork({
      algorithm,
      challenge: hash,
      number: solved.number,
      salt,
      signature,
    }),
    _t: challenge.timeToken,
  }
}

/** POSTs a JSON body, as the SDK does; `headers` replace the SDK's key and Origin. */
export async function postJson(
  h: { t: TestApp; site: TestSite },
  formId: string,
  body: unknown,
  headers: Record<string, string> = sdkHeaders(h.site),
): Promise<Response> {
  return h.t.app.request(`/v1/forms/${formId}/submissions`, jsonRequest('POST', body, headers))
}

/**
 * The SDK's whole path: fetch the challenge, solve it, let a person's typing time pass, submit
 * with `_altcha` and `_t`.
 */
export async function sdkSubmit(
  h: ContactHarness,
  formId: string,
  fields: Record<string, unknown>,
  { waitMs = humanDelayMs }: { waitMs?: number } = {},
): Promise<Response> {
  const { _altcha, _t } = await solvedControls(h, formId)
  h.clock.advance(waitMs)
  return postJson(h, formId, { ...fields, _altcha, _t })
}

/** A plain HTML form post from a page on the site: URL-encoded, `?key=` in the action URL. */
export async function postHtml(
  h: { t: TestApp; site: TestSite },
  formId: string,
  fields: Record<string, string> | [string, string][],
  options: { key?: string; origin?: string | null; referer?: string | null } = {},
): Promise<Response> {
  const { key = h.site.publishableKey, origin = siteOrigin, referer = contactPage } = options
  return h.t.app.request(`/v1/forms/${formId}/submissions?key=${encodeURIComponent(key)}`, {
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      ...(origin && { Origin: origin }),
      ...(referer && { Referer: referer }),
    },
  })
}

export type StoredSubmission = {
  id: string
  siteId: string
  formId: string
  status: string
  data: Record<string, unknown>
  spamReasons: string[]
  email: string | null
  ip: string | null
  userAgent: string | null
  notifiedAt: number | null
}

/** Every stored submission, oldest first, JSON columns parsed. */
export async function storedSubmissions(t: TestApp): Promise<StoredSubmission[]> {
  const found = await rows(t.deps.client, 'SELECT * FROM submissions ORDER BY created_at, rowid')
  return found.map((row) => ({
    id: String(row.id),
    siteId: String(row.site_id),
    formId: String(row.form_id),
    status: String(row.status),
    data: JSON.parse(String(row.data)),
    spamReasons: JSON.parse(String(row.spam_reasons)),
    email: row.email === null ? null : String(row.email),
    ip: row.ip === null ? null : String(row.ip),
    userAgent: row.user_agent === null ? null : String(row.user_agent),
    notifiedAt: row.notified_at === null ? null : Number(row.notified_at),
  }))
}

export type OutboxRow = { id: string; siteId: string; kind: string; payload: unknown }

/** Every queued delivery, oldest first, payload parsed. */
export async function outboxRows(t: TestApp): Promise<OutboxRow[]> {
  const found = await rows(
    t.deps.client,
    'SELECT id, site_id, kind, payload FROM outbox ORDER BY created_at, rowid',
  )
  return found.map((row) => ({
    id: String(row.id),
    siteId: String(row.site_id),
    kind: String(row.kind),
    payload: JSON.parse(String(row.payload)),
  }))
}

/** How many rows a table holds, for "nothing was stored". */
export async function countRows(t: TestApp, table: 'submissions' | 'outbox'): Promise<number> {
  const [row] = await rows(t.deps.client, `SELECT count(*) AS n FROM ${table}`)
  return Number(row?.n)
}

/** What a bot could compare between two answers; the id and request id are random. */
export async function answerShape(res: Response) {
  const body = (await res.clone().json()) as Record<string, unknown>
  return {
    status: res.status,
    headers: [...res.headers.keys()].sort(),
    contentType: res.headers.get('content-type'),
    keys: Object.keys(body),
    id: typeof body.id === 'string' && /^sub_[a-z2-7]{24}$/.test(body.id),
  }
}
