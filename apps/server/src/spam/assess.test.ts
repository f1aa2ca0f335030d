import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, createTestSite, manualClock, type TestApp } from '../../test/helpers/app.ts'
import { rows } from '../../test/helpers/http.ts'
import { submissions } from '../db/schema.ts'
import { type SiteScope, siteScope } from '../sites/scope.ts'
import {
  type AssessInput,
  assessSubmission,
  type SpamSettingsInput,
  spamSettingsSchema,
} from './assess.ts'
import { createChallenge, solveChallenge } from './proof-of-work.ts'
import { issueTimeToken } from './time-token.ts'
import type { TurnstileResult, TurnstileVerifier } from './turnstile.ts'

let clock: ReturnType<typeof manualClock>
let t: TestApp
let scope: SiteScope
let signingSecret: string
let turnstile: TurnstileVerifier & {
  calls: Parameters<TurnstileVerifier['verify']>[0][]
  answer: TurnstileResult
}

beforeEach(async () => {
  clock = manualClock()
  t = await createTestApp({ clock })
  const site = await createTestSite(t)
  scope = siteScope(site.id)
  const [row] = await rows(t.deps.client, 'SELECT signing_secret FROM sites WHERE id = ?', site.id)
  signingSecret = String(row?.signing_secret)
  const calls: Parameters<TurnstileVerifier['verify']>[0][] = []
  turnstile = {
    calls,
    answer: { success: true, errorCodes: [] },
    async verify(input) {
      calls.push(input)
      return turnstile.answer
    },
  }
})
afterEach(() => t.close())

const message = { name: 'Ann', email: 'ann@example.com', message: 'Do you bake rye bread?' }

/** A solved challenge for this site, as the SDK would send it. */
async function proofOfWork() {
  const challenge = await createChallenge(signingSecret, { now: clock.now(), maxNumber: 1000 })
  return (await solveChallenge(challenge))?.payload ?? ''
}

async function assess(
  overrides: Partial<Omit<AssessInput, 'settings'>> & { settings?: SpamSettingsInput } = {},
) {
  const { settings, ...rest } = overrides
  return assessSubmission({ db: t.deps.db, clock, turnstile }, scope, {
    formId: 'contact',
    signingSecret,
    fields: message,
    control: {},
    email: 'ann@example.com',
    ip: '198.51.100.7',
    viaScript: false,
    ...rest,
    settings: spamSettingsSchema.parse(settings ?? {}),
  })
}

async function store(contentHash: string) {
  const now = clock.now()
  await t.deps.db.insert(submissions).values({
    id: `sub_${now}`,
    siteId: scope.siteId,
    formId: 'contact',
    status: 'new',
    data: message,
    spamReasons: [],
    contentHash,
    createdAt: now,
    updatedAt: now,
  })
}

describe('spam settings', () => {
  it('default to a complete configuration', () => {
    expect(spamSettingsSchema.parse({})).toEqual({
      honeypotField: '_gotcha',
      minSeconds: 3,
      requireTimeToken: false,
      proofOfWork: 'scripted',
      maxLinks: 3,
      blockedWords: [],
      blockedEmails: [],
      blockedIps: [],
      duplicateWindowMinutes: 60,
    })
  })

  it('normalise entries and refuse ones that can never match, naming each', () => {
    expect(
      spamSettingsSchema.parse({ blockedEmails: [' Bob@Example.com ', '@Spam.Example'] })
        .blockedEmails,
    ).toEqual(['bob@example.com', '@spam.example'])
    const result = spamSettingsSchema.safeParse({
      blockedEmails: ['example.com'],
      blockedIps: ['10.0.0.0/8', '300.1.1.1'],
      proofOfWork: 'sometimes',
      surprise: true,
    })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      '',
      'blockedEmails.0',
      'blockedIps.1',
      'proofOfWork',
    ])
  })
})

describe('assessing a submission', () => {
  it('passes a plain HTML post from a person with default settings', async () => {
    const verdict = await assess()
    expect(verdict).toEqual({
      spam: false,
      reasons: [],
      notes: [],
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    })
  })

  it('passes a scripted submission with a solved challenge and a time token', async () => {
    const timeToken = issueTimeToken(signingSecret, 'contact', clock.now())
    const altcha = await proofOfWork()
    clock.advance(8_000)
    const verdict = await assess({ viaScript: true, control: { altcha, timeToken } })
    expect(verdict).toMatchObject({ spam: false, reasons: [] })
  })

  it('marks a filled-in honeypot, under its default or configured name', async () => {
    expect((await assess({ control: { honeypot: 'http://seo.example' } })).reasons).toEqual([
      'honeypot',
    ])
    expect((await assess({ control: { honeypot: '   ' } })).spam).toBe(false)
    const custom = await assess({
      settings: { honeypotField: 'website' },
      control: { honeypot: 'x' },
    })
    expect(custom.reasons).toEqual(['honeypot'])
  })

  describe('proof of work', () => {
    it('is required of scripted submissions by default, not of plain HTML posts', async () => {
      expect((await assess({ viaScript: true })).reasons).toEqual(['missing_proof_of_work'])
      expect((await assess({ viaScript: false })).reasons).toEqual([])
    })

    it("is required of every submission with 'always', and ignored with 'off'", async () => {
      expect((await assess({ settings: { proofOfWork: 'always' } })).reasons).toEqual([
        'missing_proof_of_work',
      ])
      const off = await assess({
        settings: { proofOfWork: 'off' },
        viaScript: true,
        control: { altcha: 'junk' },
      })
      expect(off.reasons).toEqual([])
    })

    it('is checked whenever one is sent, even on a plain HTML post', async () => {
      expect((await assess({ control: { altcha: 'junk' } })).reasons).toEqual([
        'invalid_proof_of_work',
      ])
    })

    it('marks an expired solution', async () => {
      const altcha = await proofOfWork()
      clock.advance(11 * 60_000)
      expect((await assess({ viaScript: true, control: { altcha } })).reasons).toEqual([
        'expired_proof_of_work',
      ])
    })

    it('accepts each solution once: a replay is marked', async () => {
      const altcha = await proofOfWork()
      expect((await assess({ viaScript: true, control: { altcha } })).spam).toBe(false)
      const replay = await assess({
        viaScript: true,
        control: { altcha },
        fields: { message: 'other text' },
      })
      expect(replay.reasons).toEqual(['replayed_proof_of_work'])
    })

    it('spends a solution sent with a submission that is already spam, so it cannot be reused', async () => {
      const altcha = await proofOfWork()
      expect(
        (await assess({ viaScript: true, control: { altcha, honeypot: 'x' } })).reasons,
      ).toEqual(['honeypot'])
      const second = await assess({ viaScript: true, control: { altcha } })
      expect(second.reasons).toEqual(['replayed_proof_of_work'])
    })
  })

  describe('time token', () => {
    it('marks a submission sent sooner than minSeconds after the form was shown', async () => {
      const timeToken = issueTimeToken(signingSecret, 'contact', clock.now())
      clock.advance(1_000)
      expect((await assess({ control: { timeToken } })).reasons).toEqual(['too_fast'])
      expect(
        (await assess({ control: { timeToken }, settings: { minSeconds: 0 } })).reasons,
      ).toEqual([])
    })

    it('marks a forged or foreign token', async () => {
      const other = issueTimeToken(signingSecret, 'newsletter', clock.now() - 60_000)
      expect((await assess({ control: { timeToken: other } })).reasons).toEqual([
        'invalid_time_token',
      ])
    })

    it('treats an expired token as none: a page left open for a day is usually a person', async () => {
      const old = issueTimeToken(signingSecret, 'contact', clock.now() - 25 * 3_600_000)
      expect((await assess({ control: { timeToken: old } })).reasons).toEqual([])
      const required = { settings: { requireTimeToken: true }, control: { timeToken: old } }
      expect((await assess(required)).reasons).toEqual(['expired_time_token'])
    })

    it('penalises a missing token only when the form requires one', async () => {
      expect((await assess()).reasons).toEqual([])
      expect((await assess({ settings: { requireTimeToken: true } })).reasons).toEqual([
        'missing_time_token',
      ])
    })
  })

  describe('content rules', () => {
    it('marks more links than maxLinks across all fields', async () => {
      const links = { website: 'https://ann.example', message: 'https://a.example www.b.example' }
      expect((await assess({ fields: links })).spam).toBe(false)
      const four = { ...links, other: 'http://c.example' }
      expect((await assess({ fields: four })).reasons).toEqual(['too_many_links'])
      expect(
        (await assess({ fields: { message: 'www.a.example' }, settings: { maxLinks: 0 } })).reasons,
      ).toEqual(['too_many_links'])
    })

    it('marks blocked words, emails and IPs, listing every local reason at once', async () => {
      const verdict = await assess({
        fields: {
          message:
            'Cheap VIAGRA https://1.example https://2.example https://3.example https://4.example',
        },
        email: 'bot+77@mail.spam.example',
        ip: '::ffff:203.0.113.50',
        control: { honeypot: 'filled' },
        settings: {
          blockedWords: ['viagra'],
          blockedEmails: ['@spam.example'],
          blockedIps: ['203.0.113.0/24'],
        },
      })
      expect(verdict.reasons).toEqual([
        'honeypot',
        'blocked_ip',
        'blocked_email',
        'too_many_links',
        'blocked_word',
      ])
    })
  })

  describe('duplicates', () => {
    it('marks a repeat of a stored submission within the window, not after it', async () => {
      const first = await assess()
      await store(first.contentHash)
      clock.advance(30 * 60_000)
      const repeat = await assess({
        fields: { message: message.message, email: message.email, name: 'ANN ' },
      })
      expect(repeat.reasons).toEqual(['duplicate'])
      clock.advance(31 * 60_000)
      expect((await assess()).reasons).toEqual([])
    })

    it('can be turned off', async () => {
      await store((await assess()).contentHash)
      expect((await assess({ settings: { duplicateWindowMinutes: 0 } })).reasons).toEqual([])
    })

    it("is not affected by another site's submissions", async () => {
      const otherScope = siteScope((await createTestSite(t, { name: 'Other' })).id)
      const hash = (await assess()).contentHash
      await t.deps.db.insert(submissions).values({
        id: 'sub_other',
        siteId: otherScope.siteId,
        formId: 'contact',
        status: 'new',
        data: message,
        spamReasons: [],
        contentHash: hash,
        createdAt: clock.now(),
        updatedAt: clock.now(),
      })
      expect((await assess()).reasons).toEqual([])
    })
  })

  describe('Turnstile', () => {
    const settings = { turnstileSecret: 'turnstile-secret' }

    it('verifies the token with the form secret and the sender address', async () => {
      const verdict = await assess({ settings, control: { turnstileToken: 'tok' } })
      expect(verdict.spam).toBe(false)
      expect(turnstile.calls).toEqual([
        { secret: 'turnstile-secret', token: 'tok', ip: '198.51.100.7' },
      ])
    })

    it('marks a missing token without asking Cloudflare', async () => {
      expect((await assess({ settings })).reasons).toEqual(['missing_turnstile_token'])
      expect(turnstile.calls).toEqual([])
    })

    it('marks a token Cloudflare refuses, a misconfigured secret included', async () => {
      turnstile.answer = { success: false, errorCodes: ['timeout-or-duplicate'] }
      expect((await assess({ settings, control: { turnstileToken: 'tok' } })).reasons).toEqual([
        'turnstile_failed',
      ])
      turnstile.answer = { success: false, errorCodes: ['invalid-input-secret'] }
      expect((await assess({ settings, control: { turnstileToken: 'tok' } })).reasons).toEqual([
        'turnstile_failed',
      ])
    })

    it('does not mark submissions while Turnstile is unreachable, but notes it', async () => {
      turnstile.answer = { success: false, errorCodes: ['network-error'] }
      expect(await assess({ settings, control: { turnstileToken: 'tok' } })).toMatchObject({
        spam: false,
        reasons: [],
        notes: ['turnstile_unavailable'],
      })
      turnstile.verify = async () => {
        throw new Error('a verifier that throws')
      }
      expect((await assess({ settings, control: { turnstileToken: 'tok' } })).notes).toEqual([
        'turnstile_unavailable',
      ])
    })

    it('is not asked about a submission already marked, nor about a duplicate', async () => {
      await assess({ settings, control: { turnstileToken: 'tok', honeypot: 'x' } })
      expect(turnstile.calls).toEqual([])
      await store(
        (
          await assess({
            settings: { ...settings, duplicateWindowMinutes: 0 },
            control: { turnstileToken: 'a' },
          })
        ).contentHash,
      )
      turnstile.calls.length = 0
      expect((await assess({ settings, control: { turnstileToken: 'b' } })).reasons).toEqual([
        'duplicate',
      ])
      expect(turnstile.calls).toEqual([])
    })
  })
})
