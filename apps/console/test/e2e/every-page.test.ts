// Every page of the console, in Chromium against the real server: axe-core finds no serious or
// critical violation in light and dark, at a phone's 390 px and a desktop's width; and each page
// is photographed in those four views into test-results/screenshots/console/, for review.
// The site has something on every page (submissions, a member, a category, a delivery), so the
// pages are audited as an operator sees them at work, not only empty.
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAudit } from '../../../../test/support/axe.ts'
import {
  type ConsoleHarness,
  consoleScreenshots,
  hasChromium,
  signInOnPage,
  startConsoleHarness,
} from '../support/console-harness.ts'

const views = [
  { name: 'light-desktop', scheme: 'light', width: 1280, height: 800 },
  { name: 'dark-desktop', scheme: 'dark', width: 1280, height: 800 },
  { name: 'light-phone', scheme: 'light', width: 390, height: 844 },
  { name: 'dark-phone', scheme: 'dark', width: 390, height: 844 },
] as const

async function photograph(page: Page, name: string) {
  for (const view of views) {
    await page.emulateMedia({ colorScheme: view.scheme })
    await page.setViewportSize({ width: view.width, height: view.height })
    // Usable at that width: nothing makes the page itself scroll sideways (a wide table scrolls
    // in its own box). Regression: the keys table's visually hidden header widened the page.
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth)
    expect(pageWidth, `${name} at ${view.width} px`).toBeLessThanOrEqual(view.width)
    await page.screenshot({
      path: join(consoleScreenshots, `${name}-${view.name}.png`),
      fullPage: true,
    })
  }
}

describe.skipIf(!hasChromium)('every page of the console', () => {
  let h: ConsoleHarness
  let page: Page
  const audit = createAudit()

  beforeAll(async () => {
    // Two-factor sign-in has its own test (owner-journey); here it would only add a step.
    h = await startConsoleHarness({ env: { OPERATOR_TOTP: 'optional' } })
    await h.createOperator({ email: 'ada@example.com', name: 'Ada Owner' })
    await h.owner('POST', '/v1/forms/contact/submissions', {
      name: 'Sam',
      email: 'sam@example.com',
      message: 'Is the porch open on Sunday?',
    })
    await h.owner('POST', '/v1/forms/contact/submissions', {
      email: 'grace@example.com',
      message: 'Buy cheap lanterns',
      _gotcha: 'x',
    })
    await h.member('Mo Member', 'mo@example.com')
    await h.owner('PUT', '/v1/admin/sign-in-providers/github', {
      kind: 'github',
      clientId: 'Iv1.example',
      clientSecret: 'example-secret',
    })
    await h.mailTo('owner@example.com', /porch open/)
    page = await h.page()
  }, 120_000)
  afterAll(async () => {
    if (audit.notes().length) console.log(`axe notes:\n${audit.notes().join('\n')}`)
    await h?.close()
  })

  async function check(name: string, path: string, heading: RegExp | string) {
    await page.goto(h.consoleUrl(path))
    await page.getByRole('heading', { level: 1, name: heading }).waitFor()
    // Nothing still loading: the page as it settles.
    await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0)
    expect(await audit.check(page, name)).toEqual([])
    await photograph(page, name)
  }

  it('sign-in', async () => {
    await check('sign-in', 'sign-in', 'Sign in')
    await signInOnPage(page, h, 'ada@example.com')
  })

  // Each page by its path in the console; `:site`, `:submission` and `:member` are this run's.
  const pages: [string, string, RegExp | string][] = [
    ['overview', 'sites/:site/overview', /^Overview: /],
    ['inbox', 'sites/:site/inbox', 'Inbox'],
    ['inbox-submission', 'sites/:site/inbox/:submission', 'Inbox'],
    ['forms', 'sites/:site/forms', 'Forms'],
    ['form', 'sites/:site/forms/contact', /Contact/],
    ['members', 'sites/:site/members', 'Members'],
    ['member', 'sites/:site/members/:member', /Mo Member/],
    ['moderation-flags', 'sites/:site/moderation', /^Moderation: /],
    ['moderation-hidden', 'sites/:site/moderation/hidden', /^Moderation: /],
    ['moderation-log', 'sites/:site/moderation/log', /^Moderation: /],
    ['moderation-categories', 'sites/:site/moderation/categories', /^Moderation: /],
    ['moderation-settings', 'sites/:site/moderation/settings', /^Moderation: /],
    ['deliveries', 'sites/:site/deliveries', /Deliveries/],
    ['settings-general', 'sites/:site/settings', 'Site settings: General'],
    ['settings-keys', 'sites/:site/settings/keys', 'Site settings: Keys'],
    ['settings-membership', 'sites/:site/settings/membership', 'Site settings: Membership'],
    ['settings-operators', 'sites/:site/settings/operators', 'Site settings: Operators'],
    ['settings-audit', 'sites/:site/settings/audit', 'Site settings: Audit log'],
    ['account', 'account', 'Your account'],
    ['totp-setup', 'account/two-factor', 'Set up two-factor sign-in'],
    ['new-site', 'sites/new', 'Create a site'],
    ['not-found', 'nowhere', 'There is no such page in the console.'],
  ]
  for (const [name, path, heading] of pages) {
    it(name, { timeout: 90_000 }, async () => {
      const { items } = await h.owner<{ items: { id: string }[] }>('GET', '/v1/admin/submissions')
      const { items: members } = await h.owner<{ items: { id: string }[] }>(
        'GET',
        '/v1/admin/members',
      )
      const filled = path
        .replace(':site', h.site.id)
        .replace(':submission', items[0]?.id ?? '')
        .replace(':member', members[0]?.id ?? '')
      await check(name, filled, heading)
    })
  }
})
