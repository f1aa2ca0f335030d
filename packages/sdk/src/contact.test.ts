// Contact forms through the SDK. The scenarios any server can play run against the stand-in and
// the real server alike (test/forms-servers.ts): the real server is the truth, and passing the
// same assertions is what proves the stand-in right. The stand-in alone then plays what the real
// server cannot be made to do: unsolvable or slow challenges, challenge requests that fail.
//
// Against the real server every submission costs a real solve (100,000 numbers, one to three
// seconds in Node), so what is the SDK's own bookkeeping (kinds of input, which challenge and
// time token go with which submission, the client's request path) runs against the stand-in
// only: its requests are the ones the real server takes in the shared scenarios, and the
// stand-in judges them by the same rules (a solution once, a time token per form).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { failure } from '../test/failure.ts'
import { type FormsServerOptions, startFormsServer } from '../test/forms-server.ts'
import { formsServers } from '../test/forms-servers.ts'
import type { FormsScene, StoredSubmission } from '../test/scene.ts'
import { createClient } from './client.ts'
import { type ContactForm, createContactForm } from './contact.ts'

/** The `_altcha` payload a submission carried, decoded. */
function altchaOf(value: unknown): Record<string, unknown> {
  return JSON.parse(Buffer.from(String(value ?? ''), 'base64').toString('utf8'))
}

/** The JSON bodies the SDK posted as submissions, in order. */
function postedBodies(server: FormsScene): Record<string, unknown>[] {
  return server.seen.filter((r) => r.method === 'POST').map((r) => JSON.parse(r.body))
}

/** Requests for a challenge so far. */
function challengeRequests(server: FormsScene) {
  return server.seen.filter((r) => r.url.endsWith('/challenge')).length
}

const proofOfWorkProblems = (s: StoredSubmission | undefined) =>
  s?.spamReasons.filter((reason) => reason.endsWith('_proof_of_work'))

// Real solves take seconds each on a busy machine: room for two or three.
describe.each(formsServers)('against $name', { timeout: 30_000 }, ({ start }) => {
  let under: Awaited<ReturnType<typeof start>>
  let server: FormsScene
  let contactForm: ContactForm

  beforeAll(async () => {
    under = await start()
  }, 60_000)
  afterAll(() => under?.close())
  beforeEach(async () => {
    server = await under.scene()
    contactForm = createContactForm({ url: server.url, key: server.key })
  })
  afterEach(() => server.close())

  describe('contactForm.submit', () => {
    it('fetches a challenge, solves it and posts the fields with the solution, and no time token', async () => {
      const result = await contactForm.submit('contact', {
        email: 'ada@example.com',
        message: 'Hi',
      })

      const [get, post] = server.seen
      expect(get).toMatchObject({ method: 'GET', url: '/v1/forms/contact/challenge' })
      expect(get?.headers['x-porchlight-key']).toBe(server.key)
      expect(post).toMatchObject({ method: 'POST', url: '/v1/forms/contact/submissions' })
      expect(post?.headers['content-type']).toBe('application/json')
      const [sent] = postedBodies(server)
      expect(Object.keys(altchaOf(sent?._altcha))).toEqual([
        'algorithm',
        'challenge',
        'number',
        'salt',
        'signature',
      ])
      // Without prepare, no time token: one fetched just now would only look too fast.
      expect(sent).not.toHaveProperty('_t')

      const [stored] = await server.submissions()
      expect(result).toEqual({ id: stored?.id })
      expect(stored?.fields).toEqual({ email: 'ada@example.com', message: 'Hi' })
      // The server recomputed SHA-256(salt + number) and the HMAC: a real solution, not spam.
      expect(stored?.spamReasons).toEqual([])
    })

    it('sends numbers and booleans as strings, arrays as arrays of strings, and the honeypot for the server to judge', async () => {
      await contactForm.submit('contact', {
        name: 'Ada',
        guests: 3,
        newsletter: false,
        topics: ['ferns', 'mosses'],
        _gotcha: 'bot text',
      })
      expect(postedBodies(server)[0]?._gotcha).toBe('bot text')
      const [stored] = await server.submissions()
      expect(stored?.fields).toEqual({
        name: 'Ada',
        guests: '3',
        newsletter: 'false',
        topics: ['ferns', 'mosses'],
      })
      // Stored, marked, and answered like any other: the bot learns nothing.
      expect(stored?.spamReasons).toEqual(['honeypot'])
    })

    it('refuses a file in FormData before making any request', async () => {
      const data = new FormData()
      data.append('message', 'See attached')
      data.append('attachment', new File(['%PDF'], 'cv.pdf', { type: 'application/pdf' }))

      const error = await failure(contactForm.submit('contact', data))

      expect(error).toMatchObject({ status: 0, code: 'FILE_UPLOADS_NOT_SUPPORTED' })
      expect(error.message).toContain('"attachment"')
      expect(server.seen).toHaveLength(0)
    })

    it('refuses an empty file too (an unused file input), so the form is fixed before it ships', async () => {
      const data = new FormData()
      data.append('attachment', new File([], ''))
      const error = await failure(contactForm.submit('contact', data))
      expect(error.code).toBe('FILE_UPLOADS_NOT_SUPPORTED')
      expect(server.seen).toHaveLength(0)
    })

    it('gives validation failures per field, and nothing is stored', async () => {
      const error = await failure(contactForm.submit('contact', { email: 'not-an-email' }))
      expect(error).toMatchObject({ status: 422, code: 'VALIDATION_FAILED' })
      expect(error.fields).toEqual({ email: 'Must be an email address.' })
      expect(await server.submissions()).toEqual([])
    })

    it('reports an unknown form and a closed one alike, as FORM_NOT_FOUND from the challenge', async () => {
      for (const formId of ['nope', 'closed']) {
        expect(await failure(contactForm.submit(formId, { message: 'Hi' }))).toMatchObject({
          status: 404,
          code: 'FORM_NOT_FOUND',
        })
      }
      expect(server.seen.map((r) => r.method)).toEqual(['GET', 'GET'])
    })

    it('encodes the form id into the path, so the server reads it as one id', async () => {
      const error = await failure(contactForm.submit('a/b?c', { message: 'Hi' }))
      expect(server.seen.map((r) => r.url)).toEqual(['/v1/forms/a%2Fb%3Fc/challenge'])
      // Not a 404 for a route that does not exist: the form the id names does not.
      expect(error).toMatchObject({ status: 404, code: 'FORM_NOT_FOUND' })
    })

    it('gives RATE_LIMITED with retryAfter in seconds, and stores nothing more', async () => {
      // Someone at the same address (all of these tests come from 127.0.0.1) sent one already,
      // by a plain post without a solution: counted all the same, and stored as spam.
      const earlier = await fetch(`${server.url}/v1/forms/limited/submissions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Porchlight-Key': server.key },
        body: JSON.stringify({ message: 'first' }),
      })
      expect(earlier.status).toBe(201)
      const error = await failure(contactForm.submit('limited', { message: 'second' }))
      expect(error).toMatchObject({ status: 429, code: 'RATE_LIMITED' })
      // The form takes one an hour from an address: the wait is whole seconds, at most an hour.
      expect(Number.isInteger(error.retryAfter)).toBe(true)
      expect(error.retryAfter).toBeGreaterThanOrEqual(1)
      expect(error.retryAfter).toBeLessThanOrEqual(3600)
      expect((await server.submissions()).map((s) => s.fields.message)).toEqual(['first'])
    })
  })

  describe('contactForm.prepare', () => {
    it('solves ahead, so submit only posts, with the time token', async () => {
      server.stopClock() // the visitor sends the form the moment it is shown
      await contactForm.prepare('contact')
      expect(server.seen.map((r) => r.method)).toEqual(['GET'])
      await contactForm.submit('contact', { message: 'Hi' })

      expect(server.seen.map((r) => r.method)).toEqual(['GET', 'POST'])
      expect(postedBodies(server)[0]?._t).toEqual(expect.any(String))
      // Submitted at once after prepare: the server's time trap calls that too fast (spam), which
      // is why prepare belongs where the form is shown.
      const [stored] = await server.submissions()
      expect(stored?.spamReasons).toEqual(['too_fast'])
    })

    it('passes the time trap when the visitor takes longer than the minimum', async () => {
      server.stopClock()
      await contactForm.prepare('contact')
      server.moveClock(4000) // the visitor types for a few seconds
      await contactForm.submit('contact', { message: 'Hi' })
      const [stored] = await server.submissions()
      expect(stored?.spamReasons).toEqual([])
    })

    it('drops a prepared challenge that would expire before the submission arrives', async () => {
      // The visitor's clock runs 9 min 50 s ahead of the server's: the challenge, valid for 10
      // minutes, looks to the SDK as if it expires in 10 seconds. The server would take an
      // expired solution for spam, silently; the SDK must not send one.
      server.moveClock(-590_000)
      await contactForm.prepare('contact')
      await contactForm.submit('contact', { message: 'Hi' })

      // Prepared, dropped by submit, fetched again.
      expect(server.seen.map((r) => r.method)).toEqual(['GET', 'GET', 'POST'])
      // The challenge was replaced; the time token from prepare still went along.
      expect(postedBodies(server)[0]?._t).toEqual(expect.any(String))
      expect(proofOfWorkProblems((await server.submissions())[0])).toEqual([])
    })
  })

  describe('contactForm on a client', () => {
    it('can be made from an existing client, sharing its request function', async () => {
      const client = createClient({ url: server.url, key: 'pk_wrong' })
      const error = await failure(createContactForm(client).submit('contact', { message: 'Hi' }))
      expect(error).toMatchObject({ status: 401, code: 'INVALID_PUBLISHABLE_KEY' })
    })
  })
})

describe('against the stand-in only', () => {
  let server: Awaited<ReturnType<typeof startFormsServer>>
  afterEach(() => server?.close())

  async function start(options?: FormsServerOptions) {
    server = await startFormsServer(options)
    return createContactForm({ url: server.url, key: server.key })
  }

  describe('the kinds of input (their JSON is what the scenarios above send)', () => {
    it('turns repeated names in FormData into arrays, single ones into strings', async () => {
      const contactForm = await start()
      const data = new FormData()
      data.append('email', 'ada@example.com')
      data.append('topics', 'ferns')
      data.append('topics', 'mosses')
      data.append('topics', 'lichens')
      data.append('_gotcha', '')
      data.append('constructor', 'not a prototype key')

      await contactForm.submit('contact', data)

      const [stored] = await server.submissions()
      expect(stored?.fields).toEqual({
        email: 'ada@example.com',
        topics: ['ferns', 'mosses', 'lichens'],
        constructor: 'not a prototype key',
      })
      expect(postedBodies(server)[0]?._gotcha).toBe('')
    })

    it('takes URLSearchParams and any iterable of pairs alike, as a server forwarding a post does', async () => {
      const contactForm = await start()
      const posted = new URLSearchParams('email=ada%40example.com&topics=ferns&topics=mosses')
      await contactForm.submit('contact', posted)
      await contactForm.submit('contact', new Map([['email', 'bea@example.com']]))

      expect((await server.submissions()).map((s) => s.fields)).toEqual([
        { email: 'ada@example.com', topics: ['ferns', 'mosses'] },
        { email: 'bea@example.com' },
      ])
    })
  })

  describe('on a client (its request path is the same for every server)', () => {
    it('goes through the client’s request path (its fetch, key and url)', async () => {
      server = await startFormsServer()
      const calls: string[] = []
      const client = createClient({
        url: `${server.url}/`,
        key: server.key,
        fetch: (input, init) => {
          calls.push(`${init?.method} ${input}`)
          return fetch(input, init)
        },
      })
      const { id } = await client.contactForm.submit('contact', { message: 'Hi' })
      expect(calls).toEqual([
        `GET ${server.url}/v1/forms/contact/challenge`,
        `POST ${server.url}/v1/forms/contact/submissions`,
      ])
      expect((await server.submissions()).map((s) => s.id)).toEqual([id])
    })
  })

  describe('solving (the real server only issues solvable challenges of 100,000 numbers)', () => {
    it('stops solving when the signal aborts, with ABORTED and no submission', async () => {
      // Unsolvable and ten million numbers: only the abort can end it in time.
      const contactForm = await start({ unsolvable: true, maxnumber: 10_000_000 })
      const controller = new AbortController()
      const call = contactForm.submit('contact', { message: 'Hi' }, { signal: controller.signal })
      // Abort once the challenge has arrived, that is, while solving.
      while (challengeRequests(server) === 0) await new Promise((r) => setTimeout(r, 5))
      await new Promise((r) => setTimeout(r, 30))
      controller.abort()

      const error = await failure(call)
      expect(error).toMatchObject({ status: 0, code: 'ABORTED' })
      expect(server.seen.map((r) => r.method)).toEqual(['GET'])
    })

    it('fails with CHALLENGE_FAILED when no number up to maxnumber solves the challenge', async () => {
      const contactForm = await start({ unsolvable: true, maxnumber: 50 })
      const error = await failure(contactForm.submit('contact', { message: 'Hi' }))
      expect(error).toMatchObject({ status: 0, code: 'CHALLENGE_FAILED' })
      expect(await server.submissions()).toHaveLength(0)
    })
  })

  describe('preparing (bookkeeping in the SDK, and challenge requests that fail)', () => {
    it('sends a corrected submission after a 422 with a fresh challenge and the first time token', async () => {
      const contactForm = await start()
      await contactForm.prepare('contact')
      server.moveClock(4000) // the visitor types for a few seconds
      const error = await failure(contactForm.submit('contact', { email: 'ada' }))
      expect(error.code).toBe('VALIDATION_FAILED')

      await contactForm.submit('contact', { email: 'ada@example.com' })

      expect(challengeRequests(server)).toBe(2)
      const [refused, corrected] = postedBodies(server)
      expect(corrected?._t).toBe(refused?._t)
      expect(altchaOf(corrected?._altcha).challenge).not.toBe(altchaOf(refused?._altcha).challenge)
      const [stored] = await server.submissions()
      expect(stored).toMatchObject({ fields: { email: 'ada@example.com' }, spamReasons: [] })
    })

    it('uses a prepared challenge once: the next submit fetches a new one', async () => {
      const contactForm = await start()
      await contactForm.prepare('contact')
      await contactForm.submit('contact', { message: 'first' })
      await contactForm.submit('contact', { message: 'second' })

      expect(server.seen.map((r) => r.method)).toEqual(['GET', 'POST', 'GET', 'POST'])
      const [first, second] = postedBodies(server)
      expect(altchaOf(second?._altcha).challenge).not.toBe(altchaOf(first?._altcha).challenge)
      // The time token is not single-use: it still says when the form was shown.
      expect(second?._t).toBe(first?._t)
      const stored = await server.submissions()
      expect(stored.map(proofOfWorkProblems)).toEqual([[], []]) // the second is not `replayed`
    })

    it('keeps challenges per form, and sends a form only its own time token', async () => {
      const contactForm = await start()
      await contactForm.prepare('contact')
      await contactForm.submit('quote', { message: 'Hi' })
      expect(challengeRequests(server)).toBe(2)
      expect(postedBodies(server)[0]).not.toHaveProperty('_t')
      const [stored] = await server.submissions()
      expect(stored).toMatchObject({ formId: 'quote', spamReasons: [] })
    })

    it('fetches one challenge however often it is called before a submit', async () => {
      const contactForm = await start()
      await Promise.all([contactForm.prepare('contact'), contactForm.prepare('contact')])
      await contactForm.prepare('contact')
      expect(challengeRequests(server)).toBe(1)
    })

    it('lets submit wait for a solve still under way instead of starting another', async () => {
      const contactForm = await start({ maxnumber: 20_000 })
      void contactForm.prepare('contact')
      await contactForm.submit('contact', { message: 'Hi' })
      expect(challengeRequests(server)).toBe(1)
      expect(postedBodies(server)[0]?._t).toEqual(expect.any(String))
    })

    it('never rejects; a failed preparation is forgotten and submit fetches its own', async () => {
      const contactForm = await start({ failChallenges: 1 })
      await expect(contactForm.prepare('contact')).resolves.toBeUndefined()
      await contactForm.submit('contact', { message: 'Hi' })
      expect(challengeRequests(server)).toBe(2)
      expect(postedBodies(server)[0]).not.toHaveProperty('_t')
      expect((await server.submissions())[0]?.spamReasons).toEqual([])
    })

    it('can be tried again after it failed', async () => {
      const contactForm = await start({ failChallenges: 1 })
      await contactForm.prepare('contact')
      await contactForm.prepare('contact')
      await contactForm.submit('contact', { message: 'Hi' })
      expect(challengeRequests(server)).toBe(2)
      expect(postedBodies(server)[0]?._t).toEqual(expect.any(String))
    })

    it('is cancelled by its signal, and then forgotten', async () => {
      const contactForm = await start({ maxnumber: 10_000_000, unsolvable: true })
      const prepareUntilAborted = async (requests: number) => {
        const controller = new AbortController()
        const preparing = contactForm.prepare('contact', { signal: controller.signal })
        while (challengeRequests(server) < requests) await new Promise((r) => setTimeout(r, 5))
        controller.abort()
        await expect(preparing).resolves.toBeUndefined()
      }
      await prepareUntilAborted(1)
      await prepareUntilAborted(2) // a new challenge, not the abandoned one
      expect(challengeRequests(server)).toBe(2)
    })
  })
})
