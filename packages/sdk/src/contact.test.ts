import { afterEach, describe, expect, it } from 'vitest'
import { type FormsServerOptions, key, startFormsServer } from '../test/forms-server.ts'
import { createClient } from './client.ts'
import { createContactForm } from './contact.ts'
import { PorchlightError } from './errors.ts'

let server: Awaited<ReturnType<typeof startFormsServer>>

afterEach(() => server?.close())

async function start(options?: FormsServerOptions) {
  server = await startFormsServer(options)
  return createContactForm({ url: server.url, key })
}

/** The error a call rejects with, so tests can assert on all its fields. */
async function failure(call: Promise<unknown>): Promise<PorchlightError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(PorchlightError)
  return error as PorchlightError
}

/** The `_altcha` payload a submission carried, decoded. */
function altchaOf(value: string | undefined): Record<string, unknown> {
  return JSON.parse(Buffer.from(value ?? '', 'base64').toString('utf8'))
}

describe('contactForm.submit', () => {
  it('fetches a challenge, solves it and posts the fields with the solution', async () => {
    const contactForm = await start()

    const result = await contactForm.submit('contact', { email: 'ada@example.com', message: 'Hi' })

    expect(result).toEqual({ id: 'sub_1' })
    const [get, post] = server.seen
    expect(get).toMatchObject({ method: 'GET', url: '/v1/forms/contact/challenge' })
    expect(get?.headers['x-porchlight-key']).toBe(key)
    expect(post).toMatchObject({ method: 'POST', url: '/v1/forms/contact/submissions' })
    expect(post?.headers['content-type']).toBe('application/json')
    const [submission] = server.submissions
    expect(submission?.fields).toEqual({ email: 'ada@example.com', message: 'Hi' })
    // The stand-in recomputed SHA-256(salt + number) and the HMAC: a real solution, spent once.
    expect(submission?.proofOfWork).toBe('ok')
    const payload = altchaOf(submission?.altcha)
    expect(Object.keys(payload)).toEqual(['algorithm', 'challenge', 'number', 'salt', 'signature'])
    expect(payload.number).toBe(server.issued.get(payload.challenge as string))
  })

  it('sends no time token without prepare, as one fetched just now would only look too fast', async () => {
    const contactForm = await start()
    await contactForm.submit('contact', { message: 'Hi' })
    expect(server.submissions[0]?.timeToken).toBeUndefined()
    expect(server.submissions[0]?.timeTokenCheck).toBe('missing')
  })

  it('sends numbers and booleans as strings, and arrays as arrays of strings', async () => {
    const contactForm = await start()
    await contactForm.submit('contact', {
      name: 'Ada',
      guests: 3,
      newsletter: false,
      topics: ['ferns', 'mosses'],
      _gotcha: '',
    })
    const [submission] = server.submissions
    expect(submission?.fields).toEqual({
      name: 'Ada',
      guests: '3',
      newsletter: 'false',
      topics: ['ferns', 'mosses'],
    })
    // The honeypot goes through untouched, for the server to judge.
    expect(submission?.honeypot).toBe('')
  })

  it('turns repeated names in FormData into arrays, single ones into strings', async () => {
    const contactForm = await start()
    const data = new FormData()
    data.append('email', 'ada@example.com')
    data.append('topics', 'ferns')
    data.append('topics', 'mosses')
    data.append('topics', 'lichens')
    data.append('_gotcha', 'bot text')
    data.append('constructor', 'not a prototype key')

    await contactForm.submit('contact', data)

    const [submission] = server.submissions
    expect(submission?.fields).toEqual({
      email: 'ada@example.com',
      topics: ['ferns', 'mosses', 'lichens'],
      constructor: 'not a prototype key',
    })
    expect(submission?.honeypot).toBe('bot text')
  })

  it('takes URLSearchParams and any iterable of pairs alike, as a server forwarding a post does', async () => {
    const contactForm = await start()
    const posted = new URLSearchParams('email=ada%40example.com&topics=ferns&topics=mosses')
    await contactForm.submit('contact', posted)
    await contactForm.submit('contact', new Map([['email', 'bea@example.com']]))

    expect(server.submissions.map((submission) => submission.fields)).toEqual([
      { email: 'ada@example.com', topics: ['ferns', 'mosses'] },
      { email: 'bea@example.com' },
    ])
  })

  it('refuses a file in FormData before making any request', async () => {
    const contactForm = await start()
    const data = new FormData()
    data.append('message', 'See attached')
    data.append('attachment', new File(['%PDF'], 'cv.pdf', { type: 'application/pdf' }))

    const error = await failure(contactForm.submit('contact', data))

    expect(error).toMatchObject({ status: 0, code: 'FILE_UPLOADS_NOT_SUPPORTED' })
    expect(error.message).toContain('"attachment"')
    expect(server.seen).toHaveLength(0)
  })

  it('refuses an empty file too (an unused file input), so the form is fixed before it ships', async () => {
    const contactForm = await start()
    const data = new FormData()
    data.append('attachment', new File([], ''))
    const error = await failure(contactForm.submit('contact', data))
    expect(error.code).toBe('FILE_UPLOADS_NOT_SUPPORTED')
    expect(server.seen).toHaveLength(0)
  })

  it('gives validation failures per field', async () => {
    const contactForm = await start()
    const error = await failure(contactForm.submit('contact', { email: 'not-an-email' }))
    expect(error).toMatchObject({ status: 422, code: 'VALIDATION_FAILED' })
    expect(error.fields).toEqual({ email: 'Must be an email address.' })
  })

  it('reports an unknown form as FORM_NOT_FOUND and a closed one as FORM_DISABLED', async () => {
    const contactForm = await start({ forms: { contact: 'open', old: 'disabled' } })
    expect(await failure(contactForm.submit('nope', { message: 'Hi' }))).toMatchObject({
      status: 404,
      code: 'FORM_NOT_FOUND',
    })
    expect(await failure(contactForm.submit('old', { message: 'Hi' }))).toMatchObject({
      status: 403,
      code: 'FORM_DISABLED',
    })
  })

  it('encodes the form id into the path', async () => {
    const contactForm = await start({ forms: { 'a/b?c': 'open' } })
    await contactForm.submit('a/b?c', { message: 'Hi' })
    expect(server.seen.map((r) => r.url)).toEqual([
      '/v1/forms/a%2Fb%3Fc/challenge',
      '/v1/forms/a%2Fb%3Fc/submissions',
    ])
  })

  it('gives RATE_LIMITED with retryAfter in seconds', async () => {
    const contactForm = await start({ rateLimitRetryAfter: '42' })
    const error = await failure(contactForm.submit('contact', { message: 'Hi' }))
    expect(error).toMatchObject({ status: 429, code: 'RATE_LIMITED', retryAfter: 42 })
  })

  it('stops solving when the signal aborts, with ABORTED and no submission', async () => {
    // Unsolvable and ten million numbers: only the abort can end it in time.
    const contactForm = await start({ unsolvable: true, maxnumber: 10_000_000 })
    const controller = new AbortController()
    const call = contactForm.submit('contact', { message: 'Hi' }, { signal: controller.signal })
    // Abort once the challenge has arrived, that is, while solving.
    while (server.challengeRequests() === 0) await new Promise((r) => setTimeout(r, 5))
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
    expect(server.submissions).toHaveLength(0)
  })
})

describe('contactForm.prepare', () => {
  it('solves ahead, so submit only posts, with the time token', async () => {
    const contactForm = await start()

    await contactForm.prepare('contact')
    expect(server.seen.map((r) => r.method)).toEqual(['GET'])
    await contactForm.submit('contact', { message: 'Hi' })

    expect(server.seen.map((r) => r.method)).toEqual(['GET', 'POST'])
    const [submission] = server.submissions
    expect(submission?.proofOfWork).toBe('ok')
    expect(submission?.timeToken).toMatch(/^\d+\.[0-9a-f]{64}$/)
    // Submitted at once after prepare: the server's time trap calls that too fast (spam), which
    // is why prepare belongs where the form is shown.
    expect(submission?.timeTokenCheck).toBe('too_fast')
  })

  it('passes the time trap when the visitor takes longer than the minimum', async () => {
    const contactForm = await start({ minSeconds: 0.2 })
    await contactForm.prepare('contact')
    await new Promise((r) => setTimeout(r, 250))
    await contactForm.submit('contact', { message: 'Hi' })
    expect(server.submissions[0]?.timeTokenCheck).toBe('ok')
  })

  it('uses a prepared challenge once: the next submit fetches a new one', async () => {
    const contactForm = await start()
    await contactForm.prepare('contact')
    await contactForm.submit('contact', { message: 'first' })
    await contactForm.submit('contact', { message: 'second' })

    expect(server.seen.map((r) => r.method)).toEqual(['GET', 'POST', 'GET', 'POST'])
    const [first, second] = server.submissions
    expect(second?.proofOfWork).toBe('ok') // not `replayed`
    expect(altchaOf(second?.altcha).challenge).not.toBe(altchaOf(first?.altcha).challenge)
    // The time token is not single-use: it still says when the form was shown.
    expect(second?.timeToken).toBe(first?.timeToken)
  })

  it('sends a corrected submission after a 422 with a fresh challenge and the first time token', async () => {
    const contactForm = await start({ minSeconds: 0.2 })
    await contactForm.prepare('contact')
    await new Promise((r) => setTimeout(r, 250)) // the visitor types
    const error = await failure(contactForm.submit('contact', { email: 'ada' }))
    expect(error.code).toBe('VALIDATION_FAILED')

    await contactForm.submit('contact', { email: 'ada@example.com' })

    expect(server.challengeRequests()).toBe(2)
    expect(server.submissions[0]).toMatchObject({ proofOfWork: 'ok', timeTokenCheck: 'ok' })
  })

  it('fetches one challenge however often it is called before a submit', async () => {
    const contactForm = await start()
    await Promise.all([contactForm.prepare('contact'), contactForm.prepare('contact')])
    await contactForm.prepare('contact')
    expect(server.challengeRequests()).toBe(1)
  })

  it('lets submit wait for a solve still under way instead of starting another', async () => {
    const contactForm = await start({ maxnumber: 20_000 })
    void contactForm.prepare('contact')
    await contactForm.submit('contact', { message: 'Hi' })
    expect(server.challengeRequests()).toBe(1)
    expect(server.submissions[0]?.timeToken).toBeDefined()
  })

  it('keeps challenges per form', async () => {
    const contactForm = await start({ forms: { contact: 'open', quote: 'open' } })
    await contactForm.prepare('contact')
    await contactForm.submit('quote', { message: 'Hi' })
    expect(server.challengeRequests()).toBe(2)
    expect(server.submissions[0]?.timeToken).toBeUndefined()
  })

  it('never rejects; a failed preparation is forgotten and submit fetches its own', async () => {
    const contactForm = await start({ failChallenges: 1 })
    await expect(contactForm.prepare('contact')).resolves.toBeUndefined()
    await contactForm.submit('contact', { message: 'Hi' })
    expect(server.challengeRequests()).toBe(2)
    expect(server.submissions[0]).toMatchObject({ proofOfWork: 'ok', timeTokenCheck: 'missing' })
  })

  it('can be tried again after it failed', async () => {
    const contactForm = await start({ failChallenges: 1 })
    await contactForm.prepare('contact')
    await contactForm.prepare('contact')
    await contactForm.submit('contact', { message: 'Hi' })
    expect(server.challengeRequests()).toBe(2)
    expect(server.submissions[0]?.timeToken).toBeDefined()
  })

  it('is cancelled by its signal, and then forgotten', async () => {
    const contactForm = await start({ maxnumber: 10_000_000, unsolvable: true })
    const prepareUntilAborted = async (requests: number) => {
      const controller = new AbortController()
      const preparing = contactForm.prepare('contact', { signal: controller.signal })
      while (server.challengeRequests() < requests) await new Promise((r) => setTimeout(r, 5))
      controller.abort()
      await expect(preparing).resolves.toBeUndefined()
    }
    await prepareUntilAborted(1)
    await prepareUntilAborted(2) // a new challenge, not the abandoned one
    expect(server.challengeRequests()).toBe(2)
  })

  it('drops a prepared challenge that expires before the submission would arrive', async () => {
    // The server takes an expired solution for spam, silently; the SDK must not send one.
    const contactForm = await start({ expiresIn: 10 })
    await contactForm.prepare('contact')
    await contactForm.submit('contact', { message: 'Hi' })

    expect(server.challengeRequests()).toBe(2)
    const [submission] = server.submissions
    expect(submission?.proofOfWork).toBe('ok')
    // The challenge was replaced; the time token from prepare still holds.
    expect(submission?.timeToken).toBeDefined()
  })
})

describe('contactForm on a client', () => {
  it('goes through the client’s request path (its fetch, key and url)', async () => {
    server = await startFormsServer()
    const calls: string[] = []
    const client = createClient({
      url: `${server.url}/`,
      key,
      fetch: (input, init) => {
        calls.push(`${init?.method} ${input}`)
        return fetch(input, init)
      },
    })
    expect(await client.contactForm.submit('contact', { message: 'Hi' })).toEqual({ id: 'sub_1' })
    expect(calls).toEqual([
      `GET ${server.url}/v1/forms/contact/challenge`,
      `POST ${server.url}/v1/forms/contact/submissions`,
    ])
  })

  it('can be made from an existing client, sharing its request function', async () => {
    server = await startFormsServer()
    const client = createClient({ url: server.url, key: 'pk_wrong' })
    const error = await failure(createContactForm(client).submit('contact', { message: 'Hi' }))
    expect(error).toMatchObject({ status: 401, code: 'INVALID_PUBLISHABLE_KEY' })
  })
})
