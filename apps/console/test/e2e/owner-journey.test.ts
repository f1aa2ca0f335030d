// The proof, end to end in Chromium against the real server and a real SMTP server: the
// first operator made with the CLI sets up two-factor sign-in and signs in with it; invites an
// editor who accepts from the emailed link and sees an editor's console; and then works the site:
// rescues a spam submission (its notification arrives once), edits a form's fields and sees its
// HTML snippet work on a page, suspends a member (their session ends), settles a flag (the post
// hides for members), retries a delivery that gave up, rotates a secret key (the old one works
// until revoked), and finds each of those in the audit log.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { eq } from 'drizzle-orm'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { outbox } from '../../../server/src/db/schema.ts'
import { eventually } from '../../../server/test/browser/harness.ts'
import {
  type ConsoleHarness,
  hasChromium,
  operatorPassword,
  signInOnPage,
  startConsoleHarness,
  totpCode,
} from '../support/console-harness.ts'

describe.skipIf(!hasChromium)('the owner console, from the first operator on', () => {
  let h: ConsoleHarness
  let owner: Page
  let ownerContext: BrowserContext
  let totpSecret = ''
  let editor: Page
  let editorContext: BrowserContext | undefined

  beforeAll(async () => {
    h = await startConsoleHarness({ env: { ALLOW_PRIVATE_WEBHOOKS: 'true' } })
    ownerContext = await h.browser.newContext()
    owner = await ownerContext.newPage()
  }, 120_000)
  afterAll(async () => {
    await ownerContext?.close()
    await editorContext?.close()
    await h?.close()
  })

  it('makes the first operator with the CLI, who sets up two-factor sign-in when signing in', async () => {
    const created = await h.createOperator({ email: 'ada@example.com', name: 'Ada Owner' })
    expect(created.email).toBe('ada@example.com')

    await owner.goto(h.consoleUrl())
    // Not signed in: the sign-in page, which comes back to where the operator was going.
    await expect.poll(() => owner.url()).toContain('/console/sign-in')
    await owner.getByLabel('Email').fill('ada@example.com')
    await owner.getByLabel('Password').fill(operatorPassword)
    await owner.getByRole('button', { name: 'Sign in' }).click()

    // An owner must have two-factor sign-in (OPERATOR_TOTP's default): set it up first.
    await owner.getByRole('heading', { name: 'Set up two-factor sign-in' }).waitFor()
    await expect(
      owner.getByRole('img', { name: 'QR code for your authenticator app' }).isVisible(),
    ).resolves.toBe(true)
    totpSecret =
      (
        await owner.getByLabel('Or enter this key by hand', { exact: true }).textContent()
      )?.trim() ?? ''
    expect(totpSecret).toMatch(/^[A-Z2-7]{32}$/)
    await owner.getByLabel('Code from the app').fill(totpCode(totpSecret))
    await owner.getByRole('button', { name: 'Turn on two-factor sign-in' }).click()

    await owner.getByRole('heading', { name: 'Your recovery codes' }).waitFor()
    expect(await owner.locator('.recovery-codes li').count()).toBe(10)
    await owner.getByRole('button', { name: 'I have saved these codes' }).click()

    // The first operator owns the deployment's site: its overview.
    await owner.getByRole('heading', { level: 1, name: /^Overview: / }).waitFor()
    expect(owner.url()).toMatch(/\/console\/sites\/site_[^/]+\/overview$/)
    expect(owner.url()).toContain(h.site.id)
  })

  it('signs in again with a code from the authenticator', async () => {
    const page = await h.page()
    // The setup used this 30-second step; the server takes each step once, so the next one.
    await signInOnPage(page, h, 'ada@example.com', () => totpCode(totpSecret, 1))
    await page.getByRole('heading', { level: 1, name: /^Overview: / }).waitFor()
    await h.closePages()
  })

  it('reads the inbox by keyboard, and rescues a spam submission whose notification then arrives once', async () => {
    // Two from the site's own server (not spam: notified), then one that filled the honeypot.
    const submit = (fields: Record<string, string>) =>
      h.owner('POST', '/v1/forms/contact/submissions', fields)
    await submit({ email: 'sam@example.com', message: 'Is the porch open on Sunday?' })
    await submit({ email: 'lee@example.com', message: 'Lovely lantern, where from?' })
    await submit({ email: 'grace@example.com', message: 'Please call me back', _gotcha: 'x' })
    await h.mailTo('owner@example.com', /Lovely lantern/)

    await owner.goto(h.consoleUrl(`sites/${h.site.id}/inbox?status=spam`))
    await owner.getByRole('link', { name: /grace@example\.com/ }).click()
    const detail = owner.locator('.submission-detail')
    await detail.getByText('it filled the hidden field').waitFor()
    expect(await detail.getByText('No notification sent').isVisible()).toBe(true)
    await detail.getByRole('button', { name: /^Not spam/ }).click()
    await owner.getByText('Moved to the inbox; its notification is on its way.').waitFor()
    const rescued = await h.mailTo('owner@example.com', /Please call me back/)
    expect(rescued.headers.get('reply-to')).toContain('grace@example.com')

    // Back to spam and out again by keyboard ("!"): the notification went already, so no other.
    await owner.goto(h.consoleUrl(`sites/${h.site.id}/inbox`))
    const links = owner.locator('.submission-link')
    await links.first().waitFor()
    const ids = await links.evaluateAll((all) => all.map((a) => a.id))
    expect(ids).toHaveLength(3)
    // Newest first: grace's (rescued), lee's, sam's. j opens the first, j the next, k goes back.
    await owner.keyboard.press('j')
    await expect.poll(() => owner.url()).toContain(ids[0]?.replace('submission-', ''))
    await owner.keyboard.press('!')
    await detail.getByText('Caught as spam because', { exact: false }).waitFor()
    await owner.keyboard.press('!')
    await owner.getByText('Moved to the inbox; its notification is on its way.').waitFor()
    await owner.keyboard.press('j')
    await expect.poll(() => owner.url()).toContain(ids[1]?.replace('submission-', ''))
    await owner.keyboard.press('k')
    await expect.poll(() => owner.url()).toContain(ids[0]?.replace('submission-', ''))
    await owner.keyboard.press('j')
    await expect.poll(() => owner.url()).toContain(ids[1]?.replace('submission-', ''))
    // e archives lee's.
    await owner.keyboard.press('e')
    await owner.getByText('Archived.').waitFor()
    await eventually(async () => {
      const archived = await h.owner<{ items: { email: string }[] }>(
        'GET',
        '/v1/admin/submissions?status=archived',
      )
      return archived.items.map((s) => s.email)
    }).toEqual(['lee@example.com'])

    // A later submission's notification arrives after anything the rescue could have queued.
    await submit({ email: 'kim@example.com', message: 'One more, to flush the queue' })
    await h.mailTo('owner@example.com', /flush the queue/)
    const aboutGrace = h.smtp.received.filter((mail) =>
      mail.parts.get('text/plain')?.includes('Please call me back'),
    )
    expect(aboutGrace).toHaveLength(1)
  })

  it('invites an editor, who accepts from the emailed link and sees an editor’s console', async () => {
    await owner.goto(h.consoleUrl(`sites/${h.site.id}/settings/operators`))
    await owner.getByLabel('Email', { exact: true }).fill('bea@example.com')
    await owner.getByLabel('Role', { exact: true }).selectOption('editor')
    await owner.getByRole('button', { name: 'Send invitation' }).click()
    await owner.getByText('Invitation sent to bea@example.com.').waitFor()

    const mail = await h.mailTo('bea@example.com', /\/console\/invite\//)
    const link = /https?:\/\/\S+\/console\/invite\/[\w.%-]+/.exec(
      mail.parts.get('text/plain') ?? '',
    )?.[0]
    const { publicUrl } = h.server.deps.config
    expect(link?.startsWith(`${publicUrl}/console/invite/`)).toBe(true)
    editorContext = await h.browser.newContext()
    editor = await editorContext.newPage()
    // PUBLIC_URL names a port, the test's server takes any free one: the same link, at its address.
    await editor.goto(`${h.server.url}${link?.slice(publicUrl.length)}`)
    await editor.getByText('Ada Owner invites you to Demo site as Editor.').waitFor()
    await editor.getByLabel('Your name').fill('Bea Editor')
    await editor.getByLabel('Choose a password').fill(operatorPassword)
    await editor.getByRole('button', { name: 'Accept and create my account' }).click()
    await editor.getByRole('heading', { level: 1, name: /^Overview: / }).waitFor()

    // An editor's settings: no keys, operators or audit log, not even by their address.
    await editor.goto(h.consoleUrl(`sites/${h.site.id}/settings/keys`))
    const tabs = editor.getByRole('navigation', { name: 'Settings' }).getByRole('link')
    await tabs.first().waitFor()
    expect(await tabs.allTextContents()).toEqual(['General', 'Membership'])
    await editor.getByRole('heading', { level: 1, name: 'Site settings: General' }).waitFor()
    expect(await editor.getByText('Secret keys').count()).toBe(0)
    // And the server agrees: the same cookie asking for the operators answers 403.
    const refused = await editor.evaluate(async (site) => {
      const response = await fetch('/v1/admin/operators', {
        headers: { 'X-Porchlight-Site': site },
      })
      return { status: response.status, body: await response.json() }
    }, h.site.id)
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'ROLE_FORBIDDEN' } } })
  })

  it("lets the editor add a field to a form, and the form's HTML snippet sends it", async () => {
    await editor.goto(h.consoleUrl(`sites/${h.site.id}/forms/contact`))
    await editor.getByRole('button', { name: 'Add a field' }).click()
    const added = editor.locator('.field-rows > li').last()
    await added.getByLabel('Name', { exact: true }).fill('phone')
    await added.getByLabel('Label', { exact: true }).fill('Phone')
    await editor.getByRole('button', { name: 'Save form' }).click()
    await editor.getByText('Form saved.').waitFor()

    const snippet =
      (await editor.getByLabel('Plain HTML form', { exact: true }).textContent()) ?? ''
    expect(snippet).toContain('name="phone"')
    // The snippet on a page of the site's allowed origin (the demo site's is this server's).
    const page = await h.page()
    await page.route(`${h.server.url}/snippet.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>Contact</title>${snippet}`,
      }),
    )
    await page.goto(`${h.server.url}/snippet.html`)
    await page.getByLabel('Email').fill('pat@example.com')
    await page.getByLabel('Message').fill('Sent from the pasted snippet')
    await page.getByLabel('Phone').fill('+44 20 7946 0000')
    await page.getByRole('button', { name: 'Send' }).click()
    await page.waitForURL((url) => !url.pathname.endsWith('/snippet.html'))
    const stored = await h.owner<{
      items: { email: string; status: string; data: Record<string, string> }[]
    }>('GET', '/v1/admin/submissions?q=pasted')
    expect(stored.items).toMatchObject([
      { email: 'pat@example.com', status: 'new', data: { phone: '+44 20 7946 0000' } },
    ])
  })

  it('suspends a member for a week, which ends their session', async () => {
    const mo = await h.member('Mo Member', 'mo@example.com')
    const account = (token: string) =>
      fetch(`${h.server.url}/v1/account`, {
        headers: { 'X-Porchlight-Key': h.site.publishableKey, Authorization: `Bearer ${token}` },
      })
    expect((await account(mo.token)).status).toBe(200)

    await owner.goto(h.consoleUrl(`sites/${h.site.id}/members`))
    await owner.getByRole('link', { name: /Mo Member/ }).click()
    await owner.getByLabel('Days').fill('7')
    await owner.getByLabel('Reason (shown to the member)').fill('Cooling off')
    await owner.getByRole('button', { name: 'Suspend Mo Member' }).click()
    await owner.getByText('Suspended; 1 session ended.').waitFor()
    await owner.getByText('Suspended until').waitFor()

    expect((await account(mo.token)).status).toBe(401)
  })

  it('settles a flag by hiding the post, which members then see hidden', async () => {
    const wes = await h.member('Wes Writer', 'wes@example.com')
    const rae = await h.member('Rae Reader', 'rae@example.com')
    const thread = await h.call<{ id: string }>(
      'POST',
      '/v1/forum/threads',
      { category: 'general', title: 'Porch lights at dusk', body: 'Which bulbs do you use?' },
      wes.token,
    )
    const reply = await h.call<{ id: string }>(
      'POST',
      `/v1/forum/threads/${thread.id}/posts`,
      { body: 'Cheap lanterns at lantern-deals.example, buy now' },
      wes.token,
    )
    await h.call(
      'POST',
      `/v1/forum/posts/${reply.id}/flags`,
      { reason: 'spam', note: 'An ad' },
      rae.token,
    )
    const postsAsMember = () =>
      h.call<{ items: { id: string; hidden: boolean; html: string }[] }>(
        'GET',
        `/v1/forum/threads/${thread.id}/posts`,
        undefined,
        rae.token,
      )
    expect((await postsAsMember()).items.find((p) => p.id === reply.id)?.hidden).toBe(false)

    await owner.goto(h.consoleUrl(`sites/${h.site.id}/moderation`))
    const flagged = owner.locator('.flagged-post', { hasText: 'lantern-deals.example' })
    await flagged.getByText('“An ad” — Rae Reader').waitFor()
    await flagged.getByLabel('Decision').selectOption('hide')
    await flagged.getByLabel('Note for the log').fill('Advertising')
    await flagged.getByRole('button', { name: 'Settle' }).click()
    await owner.getByText('Flag settled.').waitFor()

    const after = (await postsAsMember()).items.find((p) => p.id === reply.id)
    expect(after).toMatchObject({ hidden: true, html: '<p>[hidden by a moderator]</p>' })
    // The moderation log names the operator who decided.
    await owner.goto(h.consoleUrl(`sites/${h.site.id}/moderation/log`))
    const decided = owner.locator('main .item-list li', { hasText: '“Advertising”' })
    await decided.waitFor()
    expect(await decided.textContent()).toContain('Ada Owner')
  })

  it('retries a webhook delivery that gave up, once its receiver is fixed', async () => {
    // The site's webhook receiver: down at first, then fixed.
    let up = false
    const received: string[] = []
    const receiver = createServer((request, response) => {
      let body = ''
      request.on('data', (chunk) => {
        body += chunk
      })
      request.on('end', () => {
        received.push(body)
        response.writeHead(up ? 200 : 500).end()
      })
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    onTestFinished(() => {
      receiver.close()
    })
    const { port } = receiver.address() as AddressInfo

    await owner.goto(h.consoleUrl(`sites/${h.site.id}/forms/contact`))
    await owner.getByLabel('Webhook URL').fill(`http://127.0.0.1:${port}/hooks/porchlight`)
    await owner.getByRole('button', { name: 'Save form' }).click()
    await owner.getByText('Form saved.').waitFor()
    await h.owner('POST', '/v1/forms/contact/submissions', {
      email: 'ivy@example.com',
      message: 'For the webhook',
    })
    await eventually(async () => received.length).toBe(1)
    // Its retries would run for hours; the arrangement skips to where they end: given up.
    await h.server.deps.db.update(outbox).set({ status: 'dead' }).where(eq(outbox.kind, 'webhook'))
    up = true

    await owner.goto(h.consoleUrl(`sites/${h.site.id}/deliveries?status=dead`))
    const dead = owner.locator('main .item-list li', { hasText: 'Webhook' })
    await dead.getByText('Gave up').waitFor()
    await dead.getByRole('button', { name: 'Retry' }).click()
    await owner.getByText('Queued for another attempt.').waitFor()
    await eventually(async () => received.length).toBe(2)
    expect(JSON.parse(received[1] ?? '{}')).toMatchObject({ type: 'submission.created' })
    await eventually(async () => {
      const { items } = await h.owner<{ items: { kind: string; status: string }[] }>(
        'GET',
        '/v1/admin/outbox',
      )
      return items.filter((job) => job.kind === 'webhook').map((job) => job.status)
    }).toEqual(['delivered'])
  })

  it('rotates a secret key: the new one is shown once, and the old works until it is revoked', async () => {
    const oldKey = h.site.secretKey
    const asKey = (key: string) =>
      fetch(`${h.server.url}/v1/admin/site`, { headers: { Authorization: `Bearer ${key}` } })

    await owner.goto(h.consoleUrl(`sites/${h.site.id}/settings/keys`))
    await owner.getByRole('button', { name: 'Rotate Default' }).click()
    const shown = owner.getByRole('dialog', { name: 'Your new secret key' })
    const newKey =
      (await shown.getByLabel('Your new secret key', { exact: true }).textContent())?.trim() ?? ''
    expect(newKey).toMatch(/^sk_/)
    await shown.getByRole('button', { name: 'I have stored the key' }).click()
    await owner.getByRole('cell', { name: 'Default (rotated)', exact: true }).waitFor()
    // Shown once: gone from the page, and not there when the page is opened again.
    expect(await owner.getByText(newKey).count()).toBe(0)
    await owner.reload()
    await owner.getByRole('cell', { name: 'Default (rotated)', exact: true }).waitFor()
    expect(await owner.content()).not.toContain(newKey)

    expect((await asKey(oldKey)).status).toBe(200)
    expect((await asKey(newKey)).status).toBe(200)
    await owner.getByRole('button', { name: 'Revoke Default', exact: true }).click()
    await owner
      .getByRole('dialog')
      .getByRole('button', { name: 'Revoke Default', exact: true })
      .click()
    await owner.getByText('Key revoked.').waitFor()
    expect((await asKey(oldKey)).status).toBe(401)
    expect((await asKey(newKey)).status).toBe(200)
    h.site.secretKey = newKey
  })

  it('shows each of those changes in the audit log, with who made it', async () => {
    await owner.goto(h.consoleUrl(`sites/${h.site.id}/settings/audit`))
    const log = owner.getByRole('table')
    await log.waitFor()
    const text = (await log.textContent()) ?? ''
    for (const change of [
      'Change a submission’s status',
      'Invite an operator',
      'Accept an invite',
      'Change a form',
      'Suspend a member',
      'Create a secret key',
      'Revoke a secret key',
      'Resolve a post’s flags',
      'Retry a delivery that gave up',
    ]) {
      expect(text).toContain(change)
    }
    expect(text).toContain('ada@example.com')
    expect(text).toContain('bea@example.com')
  })
})
