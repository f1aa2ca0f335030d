import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { forms, sites } from '../src/db/schema.ts'
import type { MailMessage } from '../src/mail/message.ts'
import {
  createTestApp,
  createTestSite,
  manualClock,
  type TestApp,
  type TestSite,
} from './helpers/app.ts'
import { bearer, jsonRequest, rows } from './helpers/http.ts'
import { createTestMember, fastPasswords, type TestMember } from './helpers/members.ts'
import { ownerApi, submitHtml } from './helpers/owner-api.ts'

// Issue 9, items 5 and 6. URL settings accepted any scheme: a `javascript:` `linkTemplate` sent
// reset emails with no link, and a `javascript:` `memberUrlTemplate` made every post that
// mentioned a member answer 500. `PATCH /v1/account {"avatarUrl":"x"}` answered 500. Now every
// URL-valued setting or field takes only absolute http(s) URLs (422 otherwise, nothing stored),
// and rows stored before that never make a request fail.

let t: TestApp
let site: TestSite
let member: TestMember
let mail: MailMessage[]

beforeEach(async () => {
  mail = []
  t = await createTestApp({
    clock: manualClock(Date.now()),
    passwords: fastPasswords,
    // A stand-in transport behind the mail interface: the rendered messages, kept for reading.
    mail: { send: async (message) => void mail.push(message) },
    handlers: { webhook: async () => {} },
  })
  site = await createTestSite(t, { origins: ['https://site.example'] })
  member = await createTestMember(t, site, { username: 'ann' })
})

afterEach(async () => {
  await t?.deps.outbox.kick()
  await t?.close()
})

const owner = () => ownerApi(t, site)

/** Every URL-valued setting or field: how to set it, and how to read back what is in force. */
const urlSettings = [
  {
    name: 'linkTemplate (membership settings)',
    valid: 'https://shop.example/account?do={action}&t={token}',
    placeholders: '?a={action}&t={token}',
    set: (value: unknown) => owner().send('PATCH', '/auth-settings', { linkTemplate: value }),
    // `null` when unset, so a GET can be PATCHed back.
    read: async () =>
      (await (await owner().request('/auth-settings')).json()).linkTemplate ?? undefined,
  },
  {
    name: 'postUrlTemplate (discussion settings)',
    valid: 'https://site.example/forum#post-{post}',
    placeholders: '#{post}',
    set: (value: unknown) => owner().send('PATCH', '/forum/settings', { postUrlTemplate: value }),
    read: async () => (await (await owner().request('/forum/settings')).json()).postUrlTemplate,
  },
  {
    name: 'memberUrlTemplate (discussion settings)',
    valid: 'https://site.example/members/{username}',
    placeholders: '/{username}',
    set: (value: unknown) => owner().send('PATCH', '/forum/settings', { memberUrlTemplate: value }),
    read: async () => (await (await owner().request('/forum/settings')).json()).memberUrlTemplate,
  },
  {
    name: 'redirectUrl (form settings)',
    valid: 'https://site.example/thanks',
    placeholders: '',
    set: async (value: unknown) => {
      await owner().send('POST', '/forms', { id: 'contact', name: 'Contact' })
      return owner().send('PATCH', '/forms/contact', { settings: { redirectUrl: value } })
    },
    read: async () => (await (await owner().request('/forms/contact')).json()).settings.redirectUrl,
  },
  {
    name: 'webhookUrl (form settings)',
    valid: 'https://hooks.example.com/porchlight',
    placeholders: '',
    set: async (value: unknown) => {
      await owner().send('POST', '/forms', { id: 'contact', name: 'Contact' })
      return owner().send('PATCH', '/forms/contact', { settings: { webhookUrl: value } })
    },
    read: async () => (await (await owner().request('/forms/contact')).json()).settings.webhookUrl,
  },
  {
    name: 'avatarUrl (a member’s profile)',
    valid: 'https://img.example.com/ann.png',
    placeholders: '',
    set: (value: unknown) =>
      t.app.request(
        '/v1/account',
        jsonRequest(
          'PATCH',
          { avatarUrl: value },
          {
            'X-Porchlight-Key': site.publishableKey,
            ...bearer(member.token),
          },
        ),
      ),
    read: async () => {
      const [row] = await rows(
        t.deps.client,
        'SELECT avatar_url FROM members WHERE id = ?',
        member.id,
      )
      return row?.avatar_url ?? undefined
    },
  },
]

/** What each setting must refuse; placeholders are added so only the URL itself is at fault. */
const refused = [
  ['javascript:', (p: string) => `javascript:alert(document.cookie)//${p}`],
  ['JavaScript: in mixed case', (p: string) => `JavaScript:alert(1)//${p}`],
  ['data:', (p: string) => `data:text/html,<script>alert(1)</script>${p}`],
  ['vbscript:', (p: string) => `vbscript:msgbox(1)${p}`],
  ['a relative path', (p: string) => `/account${p}`],
  ['protocol-relative', (p: string) => `//evil.example/account${p}`],
  ['a backslash for a slash', (p: string) => `https:/\\evil.example/account${p}`],
  ['a scheme without slashes', (p: string) => `https:evil.example/account${p}`],
  ['credentials', (p: string) => `https://site.example@evil.example/account${p}`],
  ['a space inside', (p: string) => `https://evil.example/a b${p}`],
  ['a bare word', () => 'x'],
] as const

describe.each(urlSettings)('$name', (setting) => {
  it.each(refused)('refuses %s with 422, storing nothing', async (_, make) => {
    const answer = await setting.set(make(setting.placeholders))
    expect(answer.status).toBe(422)
    const body = await answer.json()
    expect(body.error.code).toBe('VALIDATION_FAILED')
    expect(Object.values(body.error.fields)).toEqual([expect.stringMatching(/^Must /)])
    expect(await setting.read()).toBeUndefined()
  })

  it('accepts an absolute https URL and keeps it', async () => {
    expect((await setting.set(setting.valid)).status).toBe(200)
    expect(await setting.read()).toBe(setting.valid)
  })

  it('refuses a bad value after a good one, keeping the good one', async () => {
    await setting.set(setting.valid)
    expect((await setting.set(`javascript:alert(1)//${setting.placeholders}`)).status).toBe(422)
    expect(await setting.read()).toBe(setting.valid)
  })
})

describe('templates are judged with their placeholders filled in', () => {
  it('names the missing placeholder, and accepts one in the host', async () => {
    const missing = await owner().send('PATCH', '/forum/settings', {
      memberUrlTemplate: 'https://site.example/members',
    })
    expect(await missing.json()).toMatchObject({
      error: { fields: { 'settings.memberUrlTemplate': 'Must contain {username}.' } },
    })
    const inHost = await owner().send('PATCH', '/forum/settings', {
      memberUrlTemplate: 'https://{username}.people.example/',
    })
    expect(inHost.status).toBe(200)
  })
})

describe('the avatar URL that answered 500 (issue 9, item 6)', () => {
  it.each(['x', 'https://', 'https:', '   ', 'https://[', 'http://%'])(
    'answers 422 for %j, not 500',
    async (avatarUrl) => {
      const [urlSetting] = urlSettings.filter((s) => s.name.startsWith('avatarUrl'))
      const answer = await urlSetting?.set(avatarUrl)
      expect(answer?.status).toBe(422)
      expect(await answer?.json()).toMatchObject({
        error: { code: 'VALIDATION_FAILED', fields: { avatarUrl: expect.any(String) } },
      })
    },
  )
})

describe('settings stored before URLs were checked', () => {
  beforeEach(async () => {
    // Rows as an older version let owners write them, with other choices beside the bad URLs.
    await t.deps.db
      .update(sites)
      .set({
        authSettings: {
          linkTemplate: 'javascript:alert(1)//{action}{token}',
          passwordMinLength: 16,
        },
        forumSettings: {
          memberUrlTemplate: 'javascript:alert("{username}")',
          postUrlTemplate: 'data:text/html,{post}',
          maxTitleLength: 40,
        },
      })
      .where(eq(sites.id, site.id))
  })

  it('renders a post that mentions and quotes a member (it answered 500)', async () => {
    const author = await createTestMember(t, site, { username: 'bea' })
    await owner().send('POST', '/forum/categories', { slug: 'general', name: 'General' })
    const headers = { 'X-Porchlight-Key': site.publishableKey, ...bearer(author.token) }
    const thread = await t.app.request(
      '/v1/forum/threads',
      jsonRequest('POST', { category: 'general', title: 'Hello', body: 'Hi @ann!' }, headers),
    )
    expect(thread.status).toBe(201)
    const created = await thread.json()
    // The stored template is passed over for the default: a link to the member on this page.
    expect(created.post.html).toBe('<p>Hi <a class="mention" href="#member-ann">@ann</a>!</p>\n')
    const reply = await t.app.request(
      `/v1/forum/threads/${created.id}/posts`,
      jsonRequest('POST', { body: `> [@bea wrote:](#${created.postId})\n> Hi` }, headers),
    )
    expect(reply.status).toBe(201)
    expect((await reply.json()).post.html).toContain(
      `<a class="quote-source" href="#post-${created.postId}">`,
    )
  })

  it('mails a reset link that works, on the site’s own page', async () => {
    const answer = await t.app.request(
      '/v1/auth/password-reset/request',
      jsonRequest('POST', { email: member.email }, { 'X-Porchlight-Key': site.publishableKey }),
    )
    expect(answer.status).toBe(202)
    await t.deps.outbox.kick()
    expect(mail).toHaveLength(1)
    expect(mail[0]?.text).toMatch(
      /https:\/\/site\.example\/account\?action=reset-password&token=[\w.%-]+/,
    )
    expect(mail[0]?.html).toMatch(
      /href="https:\/\/site\.example\/account\?action=reset-password&amp;token=[\w.%-]+"/,
    )
    expect(`${mail[0]?.text}${mail[0]?.html}`).not.toMatch(/javascript:/i)
  })

  it('keeps the owner’s other choices, and lets them change settings without fixing the URL first', async () => {
    expect(await (await owner().request('/auth-settings')).json()).toMatchObject({
      linkTemplate: null,
      passwordMinLength: 16,
    })
    expect(await (await owner().request('/forum/settings')).json()).toMatchObject({
      maxTitleLength: 40,
    })
    const changed = await owner().send('PATCH', '/auth-settings', { passwordMinLength: 14 })
    expect(changed.status).toBe(200)
    const [row] = await rows(t.deps.client, 'SELECT auth_settings FROM sites WHERE id = ?', site.id)
    expect(JSON.parse(String(row?.auth_settings))).toEqual({ passwordMinLength: 14 })
  })

  it('answers a plain HTML form post with the thank-you page, not a javascript: redirect', async () => {
    await owner().send('POST', '/forms', { id: 'contact', name: 'Contact' })
    await t.deps.db
      .update(forms)
      .set({ settings: { redirectUrl: 'javascript:alert(1)', notify: ['owner@site.example'] } })
      .where(eq(forms.siteId, site.id))

    const answer = await submitHtml(t, site, 'contact', { message: 'Hello' })
    expect(answer.status).toBe(303)
    expect(answer.headers.get('location')).toMatch(/^\/v1\/forms\/contact\/thanks\?/)
    // The form's other settings still apply: the owner is notified.
    await t.deps.outbox.kick()
    expect(mail.map((m) => m.to)).toEqual([['owner@site.example']])
  })
})
