import type { Client, InStatement } from '@libsql/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { memoryLogger } from '../../test/helpers/app.ts'
import { jsonRequest, rows } from '../../test/helpers/http.ts'
import { createApp } from '../app.ts'
import { createDeps } from '../deps.ts'
import {
  type ContactHarness,
  countRows,
  createContactHarness,
  createForm,
  humanDelayMs,
  sdkHeaders,
  solvedControls,
  storedSubmissions,
} from './test-helpers.ts'

// A submission is one write transaction (issue 13): its rate-limit counters, the row, the spent
// proof of work and its outbox jobs commit together, and every decision that depends on other
// requests (limits, replays, repeats) is taken inside it. Observed from outside: a client that
// records every call the app makes to the database, and the rows that end up stored.

/** One call to the database: a statement on its own, or a batch (one transaction). */
type DatabaseCall = { statements: string[] }

const sqlOf = (statement: InStatement) =>
  (typeof statement === 'string' ? statement : statement.sql).trim()

/** `client`, recording each call into `calls` before passing it on. */
function recordingClient(client: Client, calls: DatabaseCall[]): Client {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'execute') {
        return (statement: InStatement, args?: never) => {
          calls.push({ statements: [sqlOf(statement)] })
          return target.execute(statement as never, args)
        }
      }
      if (property === 'batch') {
        return (statements: InStatement[], mode?: never) => {
          calls.push({ statements: statements.map(sqlOf) })
          return target.batch(statements, mode)
        }
      }
      const value = Reflect.get(target, property, receiver)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}

const isWrite = (call: DatabaseCall) => call.statements.some((s) => !/^select\b/i.test(s))
/** The outbox runner's own work (claims and outcomes), which runs after the response. */
const isDelivery = (call: DatabaseCall) => call.statements.every((s) => /^update "outbox"/i.test(s))
const tablesWritten = (call: DatabaseCall) =>
  call.statements
    .map((s) => /^insert into "?(\w+)"?/i.exec(s)?.[1])
    .filter((table) => table !== undefined)

let h: ContactHarness
let calls: DatabaseCall[]
let app: ReturnType<typeof createApp>
let outbox: ReturnType<typeof createDeps>['outbox']

beforeEach(async () => {
  // Behind a proxy that sets X-Forwarded-For, so a test can be several visitors.
  h = await createContactHarness({ env: { TRUST_PROXY: 'x-forwarded-for' } })
  calls = []
  const deps = createDeps({
    config: h.t.config,
    client: recordingClient(h.t.client, calls),
    clock: h.clock,
    log: memoryLogger(),
    handlers: h.handlers,
    turnstile: h.turnstile,
  })
  app = createApp(deps)
  outbox = deps.outbox
})
afterEach(async () => {
  await outbox.kick()
  await h.close()
})

const message = { name: 'Ann', email: 'ann@example.com', message: 'Do you bake rye bread?' }
const fields = {
  email: { type: 'email', required: true, label: 'Email' },
  message: { required: true, label: 'Message' },
}

async function submit(body: Record<string, unknown>, address = '198.51.100.1') {
  return await app.request(
    '/v1/forms/contact/submissions',
    jsonRequest('POST', body, { ...sdkHeaders(h.site), 'X-Forwarded-For': address }),
  )
}

/** The write transactions the request path made since `from` (the outbox's own left out). */
function requestWrites(from = 0) {
  return calls.slice(from).filter((call) => isWrite(call) && !isDelivery(call))
}

const spentTokens = async () =>
  (await rows(h.t.deps.client, 'SELECT count(*) AS n FROM spent_tokens'))[0]?.n

describe('a submission is one write transaction', () => {
  it('a clean one: both counters, the row, the spent solution, notification, webhook and autoresponse', async () => {
    await createForm(h, {
      id: 'contact',
      settings: {
        fields,
        notify: ['owner@site.example'],
        webhookUrl: 'https://hooks.example.com/in',
        autoresponse: { enabled: true, subject: 'Thanks', text: 'We got it.' },
      },
    })
    const { _altcha, _t } = await solvedControls(h, 'contact')
    h.clock.advance(humanDelayMs)
    const from = calls.length
    const res = await submit({ ...message, _altcha, _t })
    expect(res.status).toBe(201)

    const writes = requestWrites(from)
    expect(writes).toHaveLength(1)
    // One statement per table written, but the outbox's three jobs, and the rate limits: the
    // address and the form counted in one, the autoresponse's own counter in another.
    expect(tablesWritten(writes[0] as DatabaseCall).sort()).toEqual([
      'outbox',
      'outbox',
      'outbox',
      'rate_limits',
      'rate_limits',
      'spent_tokens',
      'submissions',
    ])
    expect(await storedSubmissions(h.t)).toMatchObject([{ status: 'new', spamReasons: [] }])
    expect(await countRows(h.t, 'outbox')).toBe(3)
    expect(await spentTokens()).toBe(1)
  })

  it('a spam one is one write too, and queues nothing', async () => {
    await createForm(h, { id: 'contact', settings: { fields, notify: ['owner@site.example'] } })
    const from = calls.length
    expect((await submit({ ...message, _gotcha: 'https://cheap.example' })).status).toBe(201)
    expect(requestWrites(from)).toHaveLength(1)
    expect(await storedSubmissions(h.t)).toMatchObject([
      { status: 'spam', spamReasons: ['honeypot', 'missing_proof_of_work'] },
    ])
    expect(await countRows(h.t, 'outbox')).toBe(0)
  })

  it('a refused one stores nothing but the hit: its solution stays unspent for another try', async () => {
    await createForm(h, {
      id: 'contact',
      settings: { fields, notify: ['owner@site.example'], rateLimits: { perAddressPerHour: 1 } },
    })
    const first = await solvedControls(h, 'contact')
    const second = await solvedControls(h, 'contact')
    h.clock.advance(humanDelayMs)
    expect((await submit({ ...message, ...pick(first) })).status).toBe(201)

    const from = calls.length
    const refused = await submit({ ...message, message: 'Again', ...pick(second) })
    expect(refused.status).toBe(429)
    expect(requestWrites(from)).toHaveLength(1)
    expect(await countRows(h.t, 'submissions')).toBe(1)
    expect(await countRows(h.t, 'outbox')).toBe(1)
    expect(await spentTokens()).toBe(1)

    // Not spent: the same solution passes clean from a visitor still within the limit.
    expect(
      (await submit({ ...message, message: 'Again', ...pick(second) }, '198.51.100.2')).status,
    ).toBe(201)
    expect((await storedSubmissions(h.t)).map((s) => [s.status, s.spamReasons])).toEqual([
      ['new', []],
      ['new', []],
    ])
  })
})

const pick = ({ _altcha, _t }: { _altcha: string; _t: string }) => ({ _altcha, _t })

describe('decisions taken inside the transaction hold under concurrency', () => {
  // Clean submissions without a challenge, so each test is about one decision.
  const form = (settings: Record<string, unknown>) =>
    createForm(h, {
      id: 'contact',
      settings: {
        fields,
        notify: ['owner@site.example'],
        spam: { proofOfWork: 'off' },
        ...settings,
      },
    })
  const together = (n: number, send: (i: number) => Promise<Response> | Response) =>
    Promise.all(Array.from({ length: n }, (_, i) => send(i)))

  it('40 parallel submissions from one address never pass its limit of 5', async () => {
    await form({ rateLimits: { perAddressPerHour: 5 } })
    const answers = await together(40, (i) => submit({ ...message, message: `Message ${i}` }))
    const statuses = answers.map((res) => res.status)
    expect(statuses.filter((s) => s === 201)).toHaveLength(5)
    expect(statuses.filter((s) => s === 429)).toHaveLength(35)
    expect(await countRows(h.t, 'submissions')).toBe(5)
    expect(await countRows(h.t, 'outbox')).toBe(5)
  })

  it('40 parallel submissions from 40 addresses never pass the form’s limit of 7', async () => {
    await form({ rateLimits: { perFormPerHour: 7 } })
    const answers = await together(40, (i) =>
      submit({ ...message, message: `Message ${i}` }, `198.51.100.${i + 1}`),
    )
    expect(answers.filter((res) => res.status === 201)).toHaveLength(7)
    expect(await countRows(h.t, 'submissions')).toBe(7)
    expect(await countRows(h.t, 'outbox')).toBe(7)
  })

  it('of 10 identical messages sent at once, exactly one is new: the rest are duplicates', async () => {
    await form({})
    const answers = await together(10, () => submit(message))
    expect(answers.map((res) => res.status)).toEqual(Array(10).fill(201))
    const stored = await storedSubmissions(h.t)
    expect(stored.filter((s) => s.status === 'new')).toHaveLength(1)
    expect(stored.filter((s) => s.spamReasons.join() === 'duplicate')).toHaveLength(9)
    expect(await countRows(h.t, 'outbox')).toBe(1)
  })

  it('of 10 submissions sent at once with one solution, exactly one is new: the rest are replays', async () => {
    await createForm(h, { id: 'contact', settings: { fields, notify: ['owner@site.example'] } })
    const solved = await solvedControls(h, 'contact')
    h.clock.advance(humanDelayMs)
    const answers = await together(10, (i) =>
      submit({ ...message, message: `Message ${i}`, ...pick(solved) }),
    )
    expect(answers.map((res) => res.status)).toEqual(Array(10).fill(201))
    const stored = await storedSubmissions(h.t)
    expect(stored.filter((s) => s.status === 'new')).toHaveLength(1)
    expect(stored.filter((s) => s.spamReasons.join() === 'replayed_proof_of_work')).toHaveLength(9)
    expect(await countRows(h.t, 'outbox')).toBe(1)
  })
})

describe('the outbox after a burst', () => {
  it('delivers 30 submissions’ notifications once each, in fewer drains than submissions', async () => {
    await createForm(h, {
      id: 'contact',
      settings: {
        fields,
        notify: ['owner@site.example'],
        spam: { proofOfWork: 'off' },
        rateLimits: { perAddressPerHour: 100 },
      },
    })
    const from = calls.length
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => submit({ ...message, message: `Message ${i}` })),
    )
    expect(answers.map((res) => res.status)).toEqual(Array(30).fill(201))
    await outbox.kick()
    const ids = h.delivered.map((job) => job.id)
    expect(ids).toHaveLength(30)
    expect(new Set(ids).size).toBe(30)
    expect(requestWrites(from)).toHaveLength(30)
    // Each submission signalled the runner; the signals collapsed into shared rounds: fewer
    // claims than one per submission (the regression: one round, so one claim, each).
    const claims = calls.slice(from).filter((c) => isDelivery(c) && c.statements.length === 2)
    expect(claims.length).toBeLessThan(30)
  })
})
