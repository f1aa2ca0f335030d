import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestSite, memoryLogger } from '../../test/helpers/app.ts'
import { apiError, bearer } from '../../test/helpers/http.ts'
import { createApp } from '../app.ts'
import { createDeps } from '../deps.ts'
import type { SpamSettingsInput } from '../spam/settings.ts'
import {
  answerShape,
  type ContactHarness,
  countRows,
  createContactHarness,
  createForm,
  fetchChallenge,
  humanDelayMs,
  outboxRows,
  postHtml,
  postJson,
  sdkHeaders,
  sdkSubmit,
  socketAddress,
  solvedControls,
  storedSubmissions,
} from './test-helpers.ts'

// The public submission endpoint, scenario by scenario: what the client gets back, what was
// stored in `submissions`, and what was queued in `outbox` in the same batch.

let h: ContactHarness
afterEach(() => h.close())

const owner = 'owner@site.example'
const webhookUrl = 'https://hooks.example.com/porchlight'

const fields = {
  email: { type: 'email', required: true, label: 'Email' },
  message: { required: true, maxLength: 200, label: 'Message' },
}

/** The form the docs show: email and message, the owner notified. */
function contactForm(settings: Record<string, unknown> = {}) {
  return { id: 'contact', name: 'Contact', settings: { fields, notify: [owner], ...settings } }
}

const message = { name: 'Ann', email: 'ann@example.com', message: 'Do you bake rye bread?' }

/** What a clean SDK submission and every spam one answer alike: a bot learns nothing. */
const acceptedShape = {
  status: 201,
  headers: expect.arrayContaining(['content-type', 'x-request-id']),
  contentType: 'application/json',
  keys: ['id'],
  id: true,
}

describe('the SDK path: challenge, solve, submit', () => {
  beforeEach(async () => {
    h = await createContactHarness()
  })

  it('answers a challenge that must not be cached', async () => {
    await createForm(h, contactForm())
    const res = await h.t.app.request('/v1/forms/contact/challenge', {
      headers: sdkHeaders(h.site),
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(await res.json()).toEqual({
      algorithm: 'SHA-256',
      challenge: expect.stringMatching(/^[0-9a-f]{64}$/),
      maxnumber: 100_000,
      salt: expect.stringMatching(/^[0-9a-f]+\?expires=\d+&$/),
      signature: expect.stringMatching(/^[0-9a-f]{64}$/),
      timeToken: expect.stringMatching(/^\d+\.[\w-]{43}$/),
    })
  })

  it('stores a clean submission normalised, and queues the notification in the same batch', async () => {
    await createForm(h, contactForm())
    const res = await sdkSubmit(h, 'contact', {
      name: '  Zoe\u0000 ',
      email: ' Zoe@Example.COM ',
      message: 'Cafe\u0301 opens\r\nat eight\u0007\rsharp\u009b  ',
      topics: [' bread ', 'cake'],
      age: 42,
      subscribe: true,
      _gotcha: '',
      _next: 'https://site.example/thanks',
      _future: 'reserved for later',
    })
    expect(res.status).toBe(201)
    expect(await answerShape(res)).toEqual(acceptedShape)
    const { id } = (await res.json()) as { id: string }

    expect(await storedSubmissions(h.t)).toEqual([
      {
        id,
        siteId: h.site.id,
        formId: 'contact',
        status: 'new',
        // NFC, CRLF and CR to LF, control characters gone, trimmed; `_` fields never stored.
        data: {
          name: 'Zoe',
          email: 'Zoe@Example.COM',
          message: 'Caf\u00e9 opens\nat eight\nsharp',
          topics: ['bread', 'cake'],
          age: '42',
          subscribe: 'true',
        },
        spamReasons: [],
        email: 'zoe@example.com',
        ip: socketAddress,
        userAgent: null,
        notifiedAt: h.clock.now(),
      },
    ])
    expect(await outboxRows(h.t)).toEqual([
      {
        id: `job_${id}.notify`,
        siteId: h.site.id,
        kind: 'email',
        payload: expect.objectContaining({
          to: [owner],
          replyTo: 'zoe@example.com',
          subject: 'New submission: Contact on Test site',
          text: expect.stringContaining('Caf\u00e9 opens'),
        }),
      },
    ])
    // Delivery starts right after the response.
    await h.t.deps.outbox.kick()
    expect(h.delivered.map((job) => job.id)).toEqual([`job_${id}.notify`])
  })

  type Deliveries = { name: string; settings: Record<string, unknown>; expected: string[] }
  const deliveries: Deliveries[] = [
    { name: 'notify set', settings: { notify: [owner] }, expected: ['email:notify'] },
    { name: 'nothing to deliver', settings: { notify: [] }, expected: [] },
    { name: 'a webhook only', settings: { notify: [], webhookUrl }, expected: ['webhook:webhook'] },
    {
      name: 'notify, webhook and autoresponse',
      settings: { notify: [owner], webhookUrl, autoresponse: { enabled: true } },
      expected: ['email:notify', 'webhook:webhook', 'email:autoresponse'],
    },
  ]

  it.each(deliveries)('queues exactly the configured deliveries: $name', async (scenario) => {
    await createForm(h, contactForm(scenario.settings))
    const res = await sdkSubmit(h, 'contact', message)
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: string }

    const jobs = await outboxRows(h.t)
    const described = jobs.map((job) => {
      if (job.id === `job_${id}.notify`) return `${job.kind}:notify`
      if (job.id === `job_${id}.webhook`) return `${job.kind}:webhook`
      // The autoresponse has no key: one per submission, limited per address instead.
      expect(job.id).toMatch(/^job_[a-z2-7]{24}$/)
      return `${job.kind}:autoresponse`
    })
    expect(described).toEqual(scenario.expected)
    for (const job of jobs) expect(job.siteId).toBe(h.site.id)

    const webhook = jobs.find((job) => job.kind === 'webhook')
    if (webhook) {
      expect(webhook.payload).toEqual({
        url: webhookUrl,
        formId: 'contact',
        event: {
          type: 'submission.created',
          timestamp: new Date(h.clock.now()).toISOString(),
          data: { id, form: 'contact', fields: message, email: 'ann@example.com' },
        },
      })
    }
    const autoresponse = jobs.find((job) => !job.id.startsWith(`job_${id}.`))
    if (autoresponse) {
      expect(autoresponse.payload).toMatchObject({
        to: ['ann@example.com'],
        subject: 'We received your message',
      })
    }
  })

  it('sends at most 3 autoresponses an hour to one address', async () => {
    await createForm(h, contactForm({ notify: [], autoresponse: { enabled: true } }))
    const autoresponsesTo = async (address: string) =>
      (await outboxRows(h.t)).filter((job) =>
        (job.payload as { to: string[] }).to.includes(address),
      ).length

    for (let i = 1; i <= 5; i++) {
      const res = await sdkSubmit(h, 'contact', { ...message, message: `Question ${i}` })
      expect(res.status).toBe(201)
    }
    // Every submission is stored; only the confirmations are limited.
    expect(await countRows(h.t, 'submissions')).toBe(5)
    expect(await autoresponsesTo('ann@example.com')).toBe(3)

    // Another address is not affected by Ann's limit.
    const bob = await sdkSubmit(h, 'contact', { ...message, email: 'bob@example.com' })
    expect(bob.status).toBe(201)
    expect(await autoresponsesTo('bob@example.com')).toBe(1)

    // Two hours later, Ann's window has slid past.
    h.clock.advance(2 * 3_600_000)
    await sdkSubmit(h, 'contact', { ...message, message: 'Question 6' })
    expect(await autoresponsesTo('ann@example.com')).toBe(4)
  })

  it('regression: an address the form accepts but the mailer refuses no longer fails the submission', async () => {
    // `ann@example.c` passes the form's email check, but not the mail layer's: queueing the
    // autoresponse threw, and the visitor got a 500 with nothing stored.
    await createForm(h, contactForm({ autoresponse: { enabled: true } }))
    const res = await sdkSubmit(h, 'contact', { ...message, email: 'ann@example.c' })
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: string }
    expect(await storedSubmissions(h.t)).toMatchObject([
      { id, status: 'new', email: 'ann@example.c' },
    ])
    // The owner is still told; the sender just gets no confirmation.
    expect((await outboxRows(h.t)).map((job) => job.id)).toEqual([`job_${id}.notify`])
  })

  it('regression: a subject made of a field the sender left blank no longer fails the submission', async () => {
    // `{{field.topic}}` rendered to an empty subject, which the mail layer refuses: a 500.
    await createForm(h, contactForm({ subject: '{{field.topic}}' }))
    const res = await sdkSubmit(h, 'contact', { ...message, topic: '' })
    expect(res.status).toBe(201)
    const [job] = await outboxRows(h.t)
    expect(job?.payload).toMatchObject({ subject: 'New submission: Contact on Test site' })

    const named = await sdkSubmit(h, 'contact', { ...message, topic: 'Rye\nBcc: x@evil.example' })
    expect(named.status).toBe(201)
    const [, second] = await outboxRows(h.t)
    expect(second?.payload).toMatchObject({ subject: 'Rye Bcc: x@evil.example' })
  })

  it('stores SQL and script fragments verbatim and returns them JSON-escaped', async () => {
    await createForm(h, contactForm())
    const hostile = {
      email: 'ann@example.com',
      message: `'); DROP TABLE submissions; -- <script>alert("x")</script>`,
      "name'--": `" OR 1=1 -- \\ %_`,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose
      '<img src=x onerror=alert(1)>': '{{form}} \u2028 ${process.env}',
    }
    const res = await sdkSubmit(h, 'contact', hostile)
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: string }
    expect((await storedSubmissions(h.t))[0]?.data).toEqual(hostile)

    const read = await h.t.app.request(`/v1/admin/submissions/${id}`, {
      headers: bearer(h.site.secretKey),
    })
    expect(read.status).toBe(200)
    expect(read.headers.get('content-type')).toBe('application/json')
    expect(read.headers.get('x-content-type-options')).toBe('nosniff')
    const text = await read.text()
    expect(text).toContain(String.raw`\"x\"`)
    expect(text).toContain(String.raw`\\ %_`)
    expect(JSON.parse(text).data).toEqual(hostile)
    // The search takes `%` and `_` literally, so it finds the fragment and nothing else.
    const search = await h.t.app.request(`/v1/admin/submissions?q=${encodeURIComponent('\\ %_')}`, {
      headers: bearer(h.site.secretKey),
    })
    expect((await search.json()).items).toHaveLength(1)
  })
})

describe('validation', () => {
  beforeEach(async () => {
    h = await createContactHarness()
  })

  type Invalid = {
    name: string
    settings?: Record<string, unknown>
    body: unknown
    code?: string
    fields?: Record<string, string>
  }
  const invalid: Invalid[] = [
    {
      name: 'required fields missing or blank',
      body: { message: '  \r\n ' },
      fields: { email: 'Required.', message: 'Required.' },
    },
    {
      name: 'an email field that holds no address',
      body: { ...message, email: 'ann at example.com' },
      fields: { email: 'Must be an email address.' },
    },
    {
      name: "over a field's own maxLength",
      body: { ...message, message: 'x'.repeat(201) },
      fields: { message: 'Must be at most 200 characters.' },
    },
    {
      name: "over the form's maxFieldLength, in a list too",
      settings: { maxFieldLength: 20 },
      body: { ...message, message: 'short', company: 'c'.repeat(21), tags: ['ok', 't'.repeat(21)] },
      fields: { company: 'Must be at most 20 characters.', tags: 'Must be at most 20 characters.' },
    },
    {
      name: 'an unknown field on a strict form',
      settings: { strict: true },
      body: { ...message, name: undefined, phone: '123' },
      fields: { phone: 'Unknown field.' },
    },
    {
      // Regression: the rule lookup found Object.prototype's functions for these names, so a
      // strict form took them for configured fields.
      name: 'unknown fields named like Object.prototype members on a strict form',
      settings: { strict: true },
      body: { email: 'ann@example.com', message: 'hi', toString: 'x', constructor: 'y' },
      fields: { toString: 'Unknown field.', constructor: 'Unknown field.' },
    },
    {
      name: 'a nested object',
      body: { ...message, address: { street: 'Main St' } },
      fields: { address: 'Must be text, or a list of texts.' },
    },
    {
      name: 'a list of objects, and a null',
      body: { ...message, tags: [{ a: 1 }], phone: null },
      fields: {
        tags: 'Must be text, or a list of texts.',
        phone: 'Must be text, or a list of texts.',
      },
    },
    {
      // Regression: a value that was not text was refused on its own, hiding the rule failures.
      name: 'every kind of bad field at once',
      settings: { strict: true, fields: { ...fields, name: { required: true } } },
      body: {
        email: 'nope',
        message: { text: 'nested' },
        extra: 'x',
        long: 'y'.repeat(5001),
      },
      fields: {
        email: 'Must be an email address.',
        message: 'Must be text, or a list of texts.',
        extra: 'Unknown field.',
        long: 'Unknown field.',
        name: 'Required.',
      },
    },
    {
      name: 'more fields than maxFields',
      settings: { maxFields: 3 },
      body: { ...message, a: '1', b: '2' },
      code: 'TOO_MANY_FIELDS',
    },
    {
      name: 'a JSON array instead of an object',
      body: [message],
      fields: { _: 'Send the fields as a JSON object.' },
    },
  ]

  it.each(invalid)('$name → 422, nothing stored or queued', async (scenario) => {
    await createForm(h, contactForm({ webhookUrl, ...scenario.settings }))
    const res = await postJson(h, 'contact', scenario.body)
    expect(res.status).toBe(422)
    expect(await res.json()).toEqual(
      apiError(scenario.code ?? 'VALIDATION_FAILED', scenario.code ? undefined : scenario.fields),
    )
    expect(await countRows(h.t, 'submissions')).toBe(0)
    expect(await countRows(h.t, 'outbox')).toBe(0)
  })

  it('does not spend the proof of work on a refused submission, so the fix can reuse it', async () => {
    await createForm(h, contactForm())
    const { _altcha, _t } = await solvedControls(h, 'contact')
    h.clock.advance(humanDelayMs)
    const refused = await postJson(h, 'contact', { email: 'ann@', message: 'hi', _altcha, _t })
    expect(refused.status).toBe(422)
    const fixed = await postJson(h, 'contact', { ...message, _altcha, _t })
    expect(fixed.status).toBe(201)
    expect(await storedSubmissions(h.t)).toMatchObject([{ status: 'new', spamReasons: [] }])
  })
})

describe('content types', () => {
  beforeEach(async () => {
    h = await createContactHarness()
    await createForm(h, contactForm())
  })

  const submissionsUrl = (key: string) => `/v1/forms/contact/submissions?key=${key}`

  it('accepts a URL-encoded post', async () => {
    const res = await postHtml(h, 'contact', { ...message, _gotcha: '' })
    expect(res.status).toBe(303)
    expect(await storedSubmissions(h.t)).toMatchObject([{ status: 'new', data: message }])
  })

  it('accepts a multipart post, repeated names as a list', async () => {
    const body = new FormData()
    body.append('email', 'ann@example.com')
    body.append('message', 'Line one\r\nline two')
    body.append('topics', 'bread')
    body.append('topics', 'cake')
    const res = await h.t.app.request(submissionsUrl(h.site.publishableKey), {
      method: 'POST',
      body,
    })
    expect(res.status).toBe(303)
    expect(await storedSubmissions(h.t)).toMatchObject([
      {
        status: 'new',
        data: {
          email: 'ann@example.com',
          message: 'Line one\nline two',
          topics: ['bread', 'cake'],
        },
      },
    ])
  })

  it('refuses text/plain with 415', async () => {
    const res = await h.t.app.request('/v1/forms/contact/submissions', {
      method: 'POST',
      body: 'email=ann@example.com',
      headers: { ...sdkHeaders(h.site), 'Content-Type': 'text/plain' },
    })
    expect(res.status).toBe(415)
    expect(await res.json()).toEqual(apiError('UNSUPPORTED_MEDIA_TYPE'))
    expect(await countRows(h.t, 'submissions')).toBe(0)
  })

  it('refuses malformed JSON with 400 INVALID_JSON', async () => {
    const res = await h.t.app.request('/v1/forms/contact/submissions', {
      method: 'POST',
      body: '{"email": "ann@example.com",',
      headers: { ...sdkHeaders(h.site), 'Content-Type': 'application/json' },
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual(apiError('INVALID_JSON'))
    expect(await countRows(h.t, 'submissions')).toBe(0)
  })

  it('refuses a file part with FILE_UPLOADS_NOT_SUPPORTED, storing nothing', async () => {
    const body = new FormData()
    body.append('email', 'ann@example.com')
    body.append('message', 'See attached')
    body.append('cv', new File(['%PDF-1.7'], 'cv.pdf', { type: 'application/pdf' }))
    const res = await h.t.app.request(submissionsUrl(h.site.publishableKey), {
      method: 'POST',
      body,
    })
    // A multipart post comes from a plain HTML form: the answer is a page naming the field.
    expect(res.status).toBe(422)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    const page = await res.text()
    expect(page).toContain('File uploads are not supported.')
    expect(page).toContain('<strong>cv</strong>')
    expect(await countRows(h.t, 'submissions')).toBe(0)
    expect(await countRows(h.t, 'outbox')).toBe(0)
  })

  it('regression: a multipart body without its boundary is a 400, not a 500', async () => {
    const res = await h.t.app.request(submissionsUrl(h.site.publishableKey), {
      method: 'POST',
      body: 'email=ann@example.com',
      headers: { 'Content-Type': 'multipart/form-data' },
    })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('The form body could not be read')
    expect(h.t.log.lines.filter((line) => line.level === 'error')).toEqual([])
  })

  it('refuses a body over MAX_BODY_BYTES with 413', async () => {
    const res = await postJson(h, 'contact', { ...message, message: 'x'.repeat(70_000) })
    expect(res.status).toBe(413)
    expect(await res.json()).toEqual(apiError('PAYLOAD_TOO_LARGE'))
    expect(await countRows(h.t, 'submissions')).toBe(0)
  })
})

describe('form states', () => {
  beforeEach(async () => {
    h = await createContactHarness()
    await createForm(h, contactForm())
    await createForm(h, { id: 'closed', enabled: false, settings: { fields } })
  })

  type State = {
    name: string
    formId: string
    submit: number
    challenge: number
    code?: string
    challengeCode?: string
  }
  const states: State[] = [
    { name: 'an open form', formId: 'contact', submit: 201, challenge: 200 },
    {
      name: 'an unknown form',
      formId: 'nope',
      submit: 404,
      challenge: 404,
      code: 'FORM_NOT_FOUND',
    },
    {
      name: 'an id that is not a slug',
      formId: encodeURIComponent('Contact Us!'),
      submit: 404,
      challenge: 404,
      code: 'FORM_NOT_FOUND',
    },
    {
      name: 'a disabled form',
      formId: 'closed',
      submit: 403,
      challenge: 404,
      code: 'FORM_DISABLED',
      challengeCode: 'FORM_NOT_FOUND',
    },
  ]

  it.each(states)('$name: submit → $submit, challenge → $challenge', async (scenario) => {
    const challenge = await h.t.app.request(`/v1/forms/${scenario.formId}/challenge`, {
      headers: sdkHeaders(h.site),
    })
    expect(challenge.status).toBe(scenario.challenge)
    if (scenario.challenge !== 200) {
      expect(await challenge.json()).toEqual(
        apiError(scenario.challengeCode ?? scenario.code ?? ''),
      )
    }

    const res = await postJson(h, scenario.formId, message)
    expect(res.status).toBe(scenario.submit)
    if (scenario.code) expect(await res.json()).toEqual(apiError(scenario.code))
    expect(await countRows(h.t, 'submissions')).toBe(scenario.submit === 201 ? 1 : 0)
  })

  it('closes a form the owner disables, and reopens it', async () => {
    const patch = (enabled: boolean) =>
      h.t.app.request('/v1/admin/forms/contact', {
        method: 'PATCH',
        body: JSON.stringify({ enabled }),
        headers: { ...bearer(h.site.secretKey), 'Content-Type': 'application/json' },
      })
    expect((await patch(false)).status).toBe(200)
    const closed = await postJson(h, 'contact', message)
    expect(closed.status).toBe(403)
    expect(await closed.json()).toEqual(apiError('FORM_DISABLED'))
    expect((await patch(true)).status).toBe(200)
    expect((await sdkSubmit(h, 'contact', message)).status).toBe(201)
  })
})

describe('spam layers at the endpoint', () => {
  beforeEach(async () => {
    h = await createContactHarness()
  })

  type Spam = {
    name: string
    spam?: SpamSettingsInput
    send: () => Promise<Response>
    reasons: string[]
  }
  const spamScenarios: Spam[] = [
    {
      name: 'honeypot filled',
      send: () => sdkSubmit(h, 'contact', { ...message, _gotcha: 'https://cheap.example' }),
      reasons: ['honeypot'],
    },
    {
      name: 'JSON without _altcha',
      send: () => postJson(h, 'contact', message),
      reasons: ['missing_proof_of_work'],
    },
    {
      name: 'a tampered solution (wrong number)',
      send: async () => {
        const { challenge, number, _t } = await solvedControls(h, 'contact')
        const { algorithm, salt, signature } = challenge
        const forged = {
          algorithm,
          challenge: challenge.challenge,
          number: number + 1,
          salt,
          signature,
        }
        h.clock.advance(humanDelayMs)
        return postJson(h, 'contact', { ...message, _altcha: btoa(JSON.stringify(forged)), _t })
      },
      reasons: ['invalid_proof_of_work'],
    },
    {
      name: 'a tampered solution (longer expiry)',
      send: async () => {
        const { challenge, number, _t } = await solvedControls(h, 'contact')
        const salt = challenge.salt.replace(/expires=\d+/, 'expires=9999999999')
        const { algorithm, signature } = challenge
        const forged = { algorithm, challenge: challenge.challenge, number, salt, signature }
        h.clock.advance(humanDelayMs)
        return postJson(h, 'contact', { ...message, _altcha: btoa(JSON.stringify(forged)), _t })
      },
      reasons: ['invalid_proof_of_work'],
    },
    {
      name: 'garbage in _altcha',
      send: () => postJson(h, 'contact', { ...message, _altcha: 'bm90IGpzb24=' }),
      reasons: ['invalid_proof_of_work'],
    },
    {
      name: 'a solution past its expiry',
      send: async () => {
        const { _altcha, _t } = await solvedControls(h, 'contact')
        h.clock.advance(11 * 60_000)
        return postJson(h, 'contact', { ...message, _altcha, _t })
      },
      reasons: ['expired_proof_of_work'],
    },
    {
      name: 'sent a second after the time token',
      send: () => sdkSubmit(h, 'contact', message, { waitMs: 1_000 }),
      reasons: ['too_fast'],
    },
    {
      name: 'a forged time token',
      send: async () => {
        const { _altcha } = await solvedControls(h, 'contact')
        const forged = `${h.clock.now() - 60_000}.${'A'.repeat(43)}`
        return postJson(h, 'contact', { ...message, _altcha, _t: forged })
      },
      reasons: ['invalid_time_token'],
    },
    {
      name: 'a blocked email domain (subdomain included)',
      spam: { blockedEmails: ['@spam.example'] },
      send: () => sdkSubmit(h, 'contact', { ...message, email: 'Bot@mail.SPAM.example' }),
      reasons: ['blocked_email'],
    },
    {
      name: 'a blocked word',
      spam: { blockedWords: ['casino'] },
      send: () => sdkSubmit(h, 'contact', { ...message, message: 'Best CASINO bonus today' }),
      reasons: ['blocked_word'],
    },
    {
      name: 'a blocked address range',
      spam: { blockedIps: ['203.0.113.0/24'] },
      send: () => sdkSubmit(h, 'contact', message),
      reasons: ['blocked_ip'],
    },
    {
      name: 'too many links',
      spam: { maxLinks: 1 },
      send: () =>
        sdkSubmit(h, 'contact', {
          ...message,
          message: 'See https://a.example and www.b.example',
        }),
      reasons: ['too_many_links'],
    },
    {
      name: 'several layers at once, all reasons kept',
      spam: { blockedWords: ['casino'] },
      send: () => postJson(h, 'contact', { ...message, message: 'casino', _gotcha: 'x' }),
      reasons: ['honeypot', 'blocked_word', 'missing_proof_of_work'],
    },
  ]

  it.each(spamScenarios)(
    '$name → 201 like a clean one, stored as spam, nothing queued',
    async (scenario) => {
      await createForm(h, contactForm({ webhookUrl, spam: scenario.spam ?? {} }))
      const res = await scenario.send()
      expect(await answerShape(res)).toEqual(acceptedShape)
      const { id } = (await res.json()) as { id: string }
      expect(await storedSubmissions(h.t)).toMatchObject([
        { id, status: 'spam', spamReasons: scenario.reasons, notifiedAt: null },
      ])
      expect(await outboxRows(h.t)).toEqual([])
    },
  )

  it('answers a clean submission and a spam one with the same shape', async () => {
    await createForm(h, contactForm())
    const clean = await sdkSubmit(h, 'contact', message)
    const spam = await sdkSubmit(h, 'contact', { ...message, message: 'other', _gotcha: 'x' })
    expect(await answerShape(spam)).toEqual(await answerShape(clean))
    expect((await storedSubmissions(h.t)).map((s) => s.status)).toEqual(['new', 'spam'])
  })

  it('accepts a solution once: the same one again is replayed_proof_of_work', async () => {
    await createForm(h, contactForm())
    const { _altcha, _t } = await solvedControls(h, 'contact')
    h.clock.advance(humanDelayMs)
    const first = await postJson(h, 'contact', { ...message, _altcha, _t })
    const again = await postJson(h, 'contact', { ...message, message: 'Second', _altcha, _t })
    expect(await answerShape(again)).toEqual(await answerShape(first))
    expect(await storedSubmissions(h.t)).toMatchObject([
      { status: 'new', spamReasons: [] },
      { status: 'spam', spamReasons: ['replayed_proof_of_work'] },
    ])
    expect(await countRows(h.t, 'outbox')).toBe(1)
  })

  it('spends a solution even on a submission another layer already caught', async () => {
    await createForm(h, contactForm())
    const { _altcha, _t } = await solvedControls(h, 'contact')
    h.clock.advance(humanDelayMs)
    await postJson(h, 'contact', { ...message, _gotcha: 'x', _altcha, _t })
    await postJson(h, 'contact', { ...message, message: 'Second', _altcha, _t })
    expect((await storedSubmissions(h.t)).map((s) => s.spamReasons)).toEqual([
      ['honeypot'],
      ['replayed_proof_of_work'],
    ])
  })

  it('times an HTML post that carries _t: too fast is spam, after minSeconds is clean', async () => {
    await createForm(h, contactForm())
    const { timeToken } = await fetchChallenge(h, 'contact')
    h.clock.advance(1_000)
    expect((await postHtml(h, 'contact', { ...message, _t: timeToken })).status).toBe(303)
    h.clock.advance(2_000)
    const later = { ...message, message: 'Three seconds after the page loaded', _t: timeToken }
    expect((await postHtml(h, 'contact', later)).status).toBe(303)
    expect(await storedSubmissions(h.t)).toMatchObject([
      { status: 'spam', spamReasons: ['too_fast'] },
      { status: 'new', spamReasons: [] },
    ])
  })

  it('does not penalise a plain HTML post without proof of work or time token', async () => {
    await createForm(h, contactForm())
    expect((await postHtml(h, 'contact', { ...message, _gotcha: '' })).status).toBe(303)
    expect(await storedSubmissions(h.t)).toMatchObject([{ status: 'new', spamReasons: [] }])
    expect(await countRows(h.t, 'outbox')).toBe(1)
  })

  it('requires proof of work from HTML posts when set to always (the widget posts `altcha`)', async () => {
    await createForm(h, contactForm({ spam: { proofOfWork: 'always' } }))
    await postHtml(h, 'contact', message)
    const { _altcha } = await solvedControls(h, 'contact')
    await postHtml(h, 'contact', { ...message, message: 'With the widget', altcha: _altcha })
    expect((await storedSubmissions(h.t)).map((s) => [s.status, s.spamReasons, s.data])).toEqual([
      ['spam', ['missing_proof_of_work'], message],
      ['new', [], { ...message, message: 'With the widget' }],
    ])
  })

  it('marks a repeat within the window as duplicate, and accepts it after', async () => {
    await createForm(h, contactForm())
    await postHtml(h, 'contact', message)
    // Case, spacing and field order do not make a repeat look new.
    await postHtml(h, 'contact', [
      ['message', 'do you  bake RYE bread?'],
      ['email', 'ann@example.com'],
      ['name', 'Ann'],
    ])
    h.clock.advance(61 * 60_000)
    await postHtml(h, 'contact', message)
    expect((await storedSubmissions(h.t)).map((s) => s.spamReasons)).toEqual([
      [],
      ['duplicate'],
      [],
    ])
    expect(await countRows(h.t, 'outbox')).toBe(2)
  })

  const turnstileCases = [
    { name: 'no token', token: undefined, status: 'spam', reasons: ['missing_turnstile_token'] },
    { name: 'a refused token', token: 'fail', status: 'spam', reasons: ['turnstile_failed'] },
    { name: 'a valid token', token: 'pass', status: 'new', reasons: [] },
    // An outage is not the sender's doing: not marked, but logged.
    { name: 'Turnstile unreachable', token: 'down', status: 'new', reasons: [] },
  ]

  it.each(turnstileCases)('with Turnstile configured, $name → $status', async (scenario) => {
    await createForm(h, contactForm({ spam: { turnstileSecret: 'ts-secret' } }))
    const res = await sdkSubmit(h, 'contact', {
      ...message,
      ...(scenario.token && { 'cf-turnstile-response': scenario.token }),
    })
    expect(await answerShape(res)).toEqual(acceptedShape)
    const [stored] = await storedSubmissions(h.t)
    expect(stored).toMatchObject({ status: scenario.status, spamReasons: scenario.reasons })
    // The token is a control value, never stored.
    expect(stored?.data).toEqual(message)
    expect(h.turnstile.calls).toEqual(
      scenario.token ? [{ secret: 'ts-secret', token: scenario.token, ip: socketAddress }] : [],
    )
    expect(await countRows(h.t, 'outbox')).toBe(scenario.status === 'new' ? 1 : 0)
    const notes = h.t.log.lines.filter((line) => line.message === 'spam check note')
    expect(notes.map((line) => line.notes)).toEqual(
      scenario.token === 'down' ? [['turnstile_unavailable']] : [],
    )
  })
})

describe('rate limits', () => {
  beforeEach(async () => {
    // Behind a proxy that sets X-Forwarded-For, so a test can be several visitors.
    h = await createContactHarness({ env: { TRUST_PROXY: 'x-forwarded-for' } })
  })

  // Clean submissions without a challenge, so each test is about the limits alone.
  const settings = (rateLimits: Record<string, number>) =>
    contactForm({ rateLimits, spam: { proofOfWork: 'off' } })
  const from = (ip: string, body: Record<string, string> = message) =>
    postJson(h, 'contact', body, { ...sdkHeaders(h.site), 'X-Forwarded-For': ip })

  it('limits one address per form: 429 with Retry-After, nothing stored', async () => {
    await createForm(h, settings({ perAddressPerHour: 2 }))
    expect((await from('198.51.100.1', { ...message, message: 'One' })).status).toBe(201)
    expect((await from('198.51.100.1', { ...message, message: 'Two' })).status).toBe(201)
    const limited = await from('198.51.100.1', { ...message, message: 'Three' })
    expect(limited.status).toBe(429)
    expect(await limited.json()).toEqual(apiError('RATE_LIMITED'))
    const retryAfter = Number(limited.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThan(0)
    expect(retryAfter).toBeLessThanOrEqual(3600)
    expect(await countRows(h.t, 'submissions')).toBe(2)

    // Another visitor is not held back by the first one.
    expect((await from('198.51.100.2')).status).toBe(201)
    expect((await storedSubmissions(h.t)).map((s) => s.ip)).toEqual([
      '198.51.100.1',
      '198.51.100.1',
      '198.51.100.2',
    ])

    // Once the window has slid past, the first visitor may send again.
    h.clock.advance(2 * 3_600_000)
    expect((await from('198.51.100.1', { ...message, message: 'Later' })).status).toBe(201)
  })

  it('limits the form as a whole, whatever the address', async () => {
    await createForm(h, settings({ perAddressPerHour: 10, perFormPerHour: 3 }))
    for (const ip of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
      expect((await from(ip, { ...message, message: `From ${ip}` })).status).toBe(201)
    }
    const limited = await from('198.51.100.4')
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(await countRows(h.t, 'submissions')).toBe(3)
    expect(await countRows(h.t, 'outbox')).toBe(3)
  })

  it('keeps the counters in the database: a second app instance sees them', async () => {
    await createForm(h, settings({ perAddressPerHour: 2 }))
    const otherDeps = createDeps({
      config: h.t.config,
      client: h.t.client,
      clock: h.clock,
      log: memoryLogger(),
      handlers: h.handlers,
      turnstile: h.turnstile,
    })
    const other = createApp(otherDeps)
    const viaOther = (body: Record<string, string>) =>
      other.request('/v1/forms/contact/submissions', {
        method: 'POST',
        body: JSON.stringify(body),
        headers: {
          ...sdkHeaders(h.site),
          'Content-Type': 'application/json',
          'X-Forwarded-For': '198.51.100.1',
        },
      })
    expect((await from('198.51.100.1', { ...message, message: 'One' })).status).toBe(201)
    expect((await viaOther({ ...message, message: 'Two' })).status).toBe(201)
    expect((await viaOther({ ...message, message: 'Three' })).status).toBe(429)
    expect((await from('198.51.100.1', { ...message, message: 'Four' })).status).toBe(429)
    expect(await countRows(h.t, 'submissions')).toBe(2)
    await otherDeps.outbox.kick()
  })
})

describe('tenant isolation', () => {
  beforeEach(async () => {
    h = await createContactHarness({ siteName: 'Site A' })
  })

  async function siteB() {
    const b = await createTestSite(h.t, { name: 'Site B', origins: ['https://b.example'] })
    await createForm({ t: h.t, site: b }, contactForm({ notify: ['b@b.example'] }))
    await createForm({ t: h.t, site: b }, { id: 'b-only', settings: { fields } })
    return b
  }

  it("cannot submit to B's form with A's key: 404, B stores nothing", async () => {
    await siteB()
    const res = await postJson(h, 'b-only', message)
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual(apiError('FORM_NOT_FOUND'))
    const challenge = await h.t.app.request('/v1/forms/b-only/challenge', {
      headers: sdkHeaders(h.site),
    })
    expect(challenge.status).toBe(404)
    expect(await countRows(h.t, 'submissions')).toBe(0)
  })

  it("goes to A's own form when both sites have one with that id", async () => {
    const b = await siteB()
    const withoutA = await postJson(h, 'contact', message)
    expect(withoutA.status).toBe(404)

    await createForm(h, contactForm())
    const res = await sdkSubmit(h, 'contact', message)
    expect(res.status).toBe(201)
    expect(await storedSubmissions(h.t)).toMatchObject([{ siteId: h.site.id, formId: 'contact' }])
    // A's notification goes to A's owner, never to B's.
    expect(await outboxRows(h.t)).toMatchObject([
      { siteId: h.site.id, payload: { to: [owner], subject: 'New submission: Contact on Site A' } },
    ])
    const bSees = await h.t.app.request('/v1/admin/submissions', { headers: bearer(b.secretKey) })
    expect((await bSees.json()).items).toEqual([])
  })

  it("refuses A's key from an origin only B allows", async () => {
    await siteB()
    await createForm(h, contactForm())
    const res = await postJson(h, 'contact', message, sdkHeaders(h.site, 'https://b.example'))
    expect(res.status).toBe(403)
    expect(await res.json()).toEqual(apiError('ORIGIN_NOT_ALLOWED'))
    expect(await countRows(h.t, 'submissions')).toBe(0)
  })

  it("does not accept A's proof of work or time token on B's form", async () => {
    const b = await siteB()
    await createForm(h, contactForm())
    const { _altcha, _t } = await solvedControls(h, 'contact')
    h.clock.advance(humanDelayMs)
    const res = await postJson(
      { t: h.t, site: b },
      'contact',
      { ...message, _altcha, _t },
      sdkHeaders(b, 'https://b.example'),
    )
    expect(res.status).toBe(201)
    expect(await storedSubmissions(h.t)).toMatchObject([
      {
        siteId: b.id,
        status: 'spam',
        spamReasons: ['invalid_time_token', 'invalid_proof_of_work'],
      },
    ])
  })
})
