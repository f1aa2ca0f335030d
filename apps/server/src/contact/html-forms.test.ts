import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { apiError } from '../../test/helpers/http.ts'
import {
  type ContactHarness,
  contactPage,
  countRows,
  createContactHarness,
  createForm,
  fetchChallenge,
  postHtml,
  siteOrigin,
  storedSubmissions,
} from './test-helpers.ts'

// A plain HTML form with no JavaScript at all: the browser posts URL-encoded fields to
// `…/submissions?key=pk_…` with its Origin and Referer, follows the 303, and shows whatever page
// it lands on. Every page names the site (escaped), carries a strict CSP, and is never cached.

let h: ContactHarness
beforeEach(async () => {
  // A name with markup: every page must show it as text.
  h = await createContactHarness({ siteName: '<b>Acme</b>' })
})
afterEach(() => h.close())

const escapedSiteName = '&lt;b&gt;Acme&lt;/b&gt;'

const fields = {
  email: { type: 'email', required: true, label: 'Your <em>email</em>' },
  message: { required: true, maxLength: 50, label: 'Message & "notes"' },
}
const message = { email: 'ann@example.com', message: 'Do you bake rye bread?' }

function contactForm(settings: Record<string, unknown> = {}) {
  return { id: 'contact', name: 'Contact', settings: { fields, ...settings } }
}

/** Where the built-in thank-you page is, for a post from `back` (when on the site). */
function thanksLocation(back?: string) {
  const query = new URLSearchParams({ key: h.site.publishableKey, ...(back && { back }) })
  return `/v1/forms/contact/thanks?${query}`
}

function expectPageHeaders(res: Response) {
  expect(res.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8$/i)
  expect(res.headers.get('content-security-policy')).toBe(
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'",
  )
  expect(res.headers.get('cache-control')).toBe('no-store')
}

describe('after a post', () => {
  beforeEach(async () => {
    await createForm(h, contactForm())
  })

  it('redirects 303 to _next when it is on one of the site origins', async () => {
    const next = `${siteOrigin}/thanks?from=contact#top`
    const res = await postHtml(h, 'contact', { ...message, _next: next })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(next)
    // `_next` steers the answer; it is not part of the message.
    expect(await storedSubmissions(h.t)).toMatchObject([{ status: 'new', data: message }])
  })

  const offSite = [
    'https://evil.example/x',
    '//evil.example',
    'javascript:alert(1)',
    'https://site.example.evil.example/',
    'https://site.example@evil.example/',
    'http://site.example/thanks',
    'https://site.example:8443/thanks',
    '/relative/thanks',
    'data:text/html,<script>alert(1)</script>',
  ]

  it.each(offSite)('ignores _next=%s and shows the built-in thank-you page', async (next) => {
    const res = await postHtml(h, 'contact', { ...message, _next: next })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(thanksLocation(contactPage))
    // The form cannot be used as an open redirect, but the message still arrives.
    expect(await storedSubmissions(h.t)).toMatchObject([{ status: 'new', data: message }])
  })

  it('shows a thank-you page naming the site and linking back to the page the post came from', async () => {
    const res = await postHtml(h, 'contact', message)
    const location = res.headers.get('location') ?? ''
    expect(location).toBe(thanksLocation(contactPage))

    const page = await h.t.app.request(location)
    expect(page.status).toBe(200)
    expectPageHeaders(page)
    const html = await page.text()
    expect(html).toContain(`<title>Thank you — ${escapedSiteName}</title>`)
    expect(html).toContain(`Your message was sent to ${escapedSiteName}.`)
    expect(html).toContain(`<a href="${contactPage}">Back to ${escapedSiteName}</a>`)
    expect(html).not.toContain('<b>Acme</b>')
  })

  it('does not link back to a Referer off the site', async () => {
    const res = await postHtml(h, 'contact', message, { referer: 'https://evil.example/phish' })
    const location = res.headers.get('location') ?? ''
    expect(location).toBe(thanksLocation())
    const html = await (await h.t.app.request(location)).text()
    expect(html).not.toContain('evil.example')
    // The link goes to the site itself instead.
    expect(html).toContain(`<a href="${siteOrigin}">Back to ${escapedSiteName}</a>`)
  })

  it('does not link to a back= someone put in the thank-you URL by hand', async () => {
    const crafted = `${thanksLocation()}&back=${encodeURIComponent('https://evil.example/')}`
    const html = await (await h.t.app.request(crafted)).text()
    expect(html).not.toContain('evil.example')
  })

  it('refuses the thank-you page without a valid key', async () => {
    const res = await h.t.app.request('/v1/forms/contact/thanks?key=pk_nope')
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual(apiError('INVALID_PUBLISHABLE_KEY'))
  })

  it('accepts multipart posts the same way', async () => {
    const body = new FormData()
    for (const [name, value] of Object.entries(message)) body.append(name, value)
    body.append('_next', `${siteOrigin}/thanks`)
    const res = await h.t.app.request(
      `/v1/forms/contact/submissions?key=${h.site.publishableKey}`,
      { method: 'POST', body, headers: { Origin: siteOrigin, Referer: contactPage } },
    )
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`${siteOrigin}/thanks`)
    expect(await storedSubmissions(h.t)).toMatchObject([{ status: 'new', data: message }])
  })
})

describe("the form's redirectUrl", () => {
  const redirectUrl = 'https://site.example/merci'
  beforeEach(async () => {
    await createForm(h, contactForm({ redirectUrl }))
  })

  const cases = [
    { name: 'no _next', next: undefined, location: redirectUrl },
    { name: 'an off-site _next', next: 'https://evil.example/', location: redirectUrl },
    {
      name: 'an on-site _next, which wins',
      next: `${siteOrigin}/other`,
      location: `${siteOrigin}/other`,
    },
  ]

  it.each(cases)('with $name → $location', async ({ next, location }) => {
    const res = await postHtml(h, 'contact', { ...message, ...(next && { _next: next }) })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(location)
  })
})

describe('error pages', () => {
  beforeEach(async () => {
    await createForm(h, contactForm())
  })

  it('lists every bad field by its label, escaped, with a link back', async () => {
    const res = await postHtml(h, 'contact', {
      email: 'not an address',
      message: 'x'.repeat(51),
      '<i>odd</i>': 'y'.repeat(5001),
    })
    expect(res.status).toBe(422)
    expectPageHeaders(res)
    const html = await res.text()
    expect(html).toContain('<h1>The form could not be sent</h1>')
    expect(html).toContain('<p>Some fields are invalid.</p>')
    // Regression: the page named fields by their raw names although the docs promise labels.
    expect(html).toContain(
      '<li><strong>Your &lt;em&gt;email&lt;/em&gt;</strong>: Must be an email address.</li>',
    )
    expect(html).toContain(
      '<li><strong>Message &amp; &quot;notes&quot;</strong>: Must be at most 50 characters.</li>',
    )
    // A field without a label is named as sent, and escaped like everything else.
    expect(html).toContain(
      '<li><strong>&lt;i&gt;odd&lt;/i&gt;</strong>: Must be at most 5000 characters.</li>',
    )
    expect(html).not.toMatch(/<em>|<i>/)
    expect(html).toContain(
      `<a href="${contactPage}">Go back to ${escapedSiteName} and try again</a>`,
    )
    expect(await countRows(h.t, 'submissions')).toBe(0)
    expect(await countRows(h.t, 'outbox')).toBe(0)
  })

  it('keeps field names in the JSON answer, where a script maps errors back to inputs', async () => {
    const res = await h.t.app.request('/v1/forms/contact/submissions', {
      method: 'POST',
      body: JSON.stringify({ email: 'not an address', message: 'hi' }),
      headers: {
        'Content-Type': 'application/json',
        'X-Porchlight-Key': h.site.publishableKey,
        Origin: siteOrigin,
      },
    })
    expect(res.status).toBe(422)
    expect(await res.json()).toEqual(
      apiError('VALIDATION_FAILED', { email: 'Must be an email address.' }),
    )
  })

  it('offers the back button instead of a link when the Referer is off the site', async () => {
    const res = await postHtml(h, 'contact', { email: '' }, { referer: 'https://evil.example/' })
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).not.toContain('evil.example')
    expect(html).toContain("Use your browser's back button to correct the form.")
  })

  it('answers a rate limit with a 429 page and Retry-After', async () => {
    await h.t.app.request('/v1/admin/forms/contact', {
      method: 'PATCH',
      body: JSON.stringify({ settings: { rateLimits: { perAddressPerHour: 1 } } }),
      headers: { Authorization: `Bearer ${h.site.secretKey}`, 'Content-Type': 'application/json' },
    })
    expect((await postHtml(h, 'contact', message)).status).toBe(303)
    const res = await postHtml(h, 'contact', { ...message, message: 'Again' })
    expect(res.status).toBe(429)
    expectPageHeaders(res)
    expect(res.headers.get('retry-after')).toBe('3600')
    const html = await res.text()
    expect(html).toContain('Too many requests. Try again later.')
    expect(html).toContain(`<a href="${contactPage}">`)
    expect(await countRows(h.t, 'submissions')).toBe(1)
  })

  type Refusal = {
    name: string
    formId?: string
    key?: string
    origin?: string
    status: number
    text: string
  }
  const refusals: Refusal[] = [
    {
      name: 'an unknown key',
      key: 'pk_unknown',
      status: 401,
      text: 'Send a valid publishable key',
    },
    {
      name: 'a key that is not a publishable key',
      key: 'sk_whatever',
      status: 401,
      text: 'Send a valid publishable key',
    },
    {
      name: 'a page on an origin the site does not allow, named escaped',
      origin: 'https://evil.example/<script>',
      status: 403,
      text: 'The origin https://evil.example/&lt;script&gt; is not allowed',
    },
    { name: 'an unknown form', formId: 'nope', status: 404, text: 'This site has no form' },
  ]

  it.each(refusals)('answers $name with a $status page', async (scenario) => {
    const res = await postHtml(h, scenario.formId ?? 'contact', message, {
      ...(scenario.key && { key: scenario.key }),
      ...(scenario.origin && { origin: scenario.origin }),
    })
    expect(res.status).toBe(scenario.status)
    expectPageHeaders(res)
    const html = await res.text()
    expect(html).toContain('<h1>The form could not be sent</h1>')
    expect(html).toContain(scenario.text)
    expect(html).not.toContain('<script>')
    expect(await countRows(h.t, 'submissions')).toBe(0)
  })

  it('answers a closed form with a 403 page', async () => {
    await createForm(h, { id: 'closed', enabled: false, settings: { fields } })
    const res = await postHtml(h, 'closed', message)
    expect(res.status).toBe(403)
    expectPageHeaders(res)
    expect(await res.text()).toContain('This form is not accepting submissions right now.')
  })
})

describe('spam through a plain HTML post', () => {
  beforeEach(async () => {
    await createForm(
      h,
      contactForm({ notify: ['owner@site.example'], spam: { blockedWords: ['casino'] } }),
    )
  })

  // Each of these is stored as spam; the browser (or bot) sees exactly what a person sees.
  const spamPosts: {
    name: string
    fields: () => Promise<Record<string, string>>
    reason: string
  }[] = [
    {
      name: 'honeypot filled',
      fields: async () => ({ ...message, _gotcha: 'https://cheap.example' }),
      reason: 'honeypot',
    },
    {
      name: 'a blocked word',
      fields: async () => ({ ...message, message: 'Casino bonus' }),
      reason: 'blocked_word',
    },
    {
      name: 'posted the instant the page loaded',
      fields: async () => ({ ...message, _t: (await fetchChallenge(h, 'contact')).timeToken }),
      reason: 'too_fast',
    },
    {
      name: 'a proof of work that does not check out',
      fields: async () => ({ ...message, altcha: 'bm90IGpzb24=' }),
      reason: 'invalid_proof_of_work',
    },
  ]

  for (const next of [undefined, `${siteOrigin}/thanks`]) {
    it.each(spamPosts)(
      `$name → the same 303 as a clean post (${next ? 'with' : 'without'} _next)`,
      async (scenario) => {
        const clean = await postHtml(h, 'contact', {
          email: 'bob@example.com',
          message: 'A real question',
          ...(next && { _next: next }),
        })
        const spam = await postHtml(h, 'contact', {
          ...(await scenario.fields()),
          ...(next && { _next: next }),
        })
        expect(spam.status).toBe(303)
        expect(spam.status).toBe(clean.status)
        expect(spam.headers.get('location')).toBe(clean.headers.get('location'))
        expect(spam.headers.get('location')).toBe(next ?? thanksLocation(contactPage))
        expect([...spam.headers.keys()].sort()).toEqual([...clean.headers.keys()].sort())
        expect(await spam.text()).toBe(await clean.text())

        expect((await storedSubmissions(h.t)).map((s) => [s.status, s.spamReasons])).toEqual([
          ['new', []],
          ['spam', [scenario.reason]],
        ])
        // Only the clean one tells the owner.
        expect(await countRows(h.t, 'outbox')).toBe(1)
      },
    )
  }
})
