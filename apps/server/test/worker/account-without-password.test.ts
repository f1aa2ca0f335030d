import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { updateAuthSettings } from '../../src/auth/admin-settings.ts'
import { siteScope } from '../../src/sites/scope.ts'
import { createSite } from '../../src/sites/service.ts'
import { answerWith, type PageRequestOptions, pageRequest } from './page-request.ts'
import type { ResendEmail } from './resend-stand-in.ts'
import { formatLogs, startWorkerHarness, type WorkerHarness } from './worker-harness.ts'

// Regression (403 PASSWORD_NOT_SET on deletion): a member who joined without a password deletes
// their account right after signing in by link, inside the Worker build in workerd, on D1. The
// window itself (REAUTHENTICATION_REQUIRED once it has passed) is tested on Node with a clock
// moved by hand (src/auth/recent-sign-in.test.ts); here the clock is the real one.

const origin = 'https://allotment.example'
const email = 'cleo@example.com'

let w: WorkerHarness
let site: Awaited<ReturnType<typeof createSite>>

const call = (method: string, path: string, options?: PageRequestOptions) =>
  pageRequest(w, { key: site.publishableKey, origin }, method, path, options)

const answer = (res: Awaited<ReturnType<WorkerHarness['fetch']>>, status: number) =>
  answerWith(w, res, status)

async function nextEmail(subject: string): Promise<ResendEmail> {
  const deadline = Date.now() + 15_000
  for (;;) {
    const found = w.resend.emails.find(
      (e) => e.body.to.includes(email) && e.body.subject === subject,
    )
    if (found) return found
    if (Date.now() > deadline) throw new Error(`No email "${subject}" to ${email}`)
    await sleep(50)
  }
}

describe('on d1', () => {
  beforeAll(async () => {
    w = await startWorkerHarness({ database: 'd1' })
    site = await createSite(w.deps, { name: 'Allotment', origins: [origin] })
    await updateAuthSettings(w.deps.db, siteScope(site.id), {
      passwordSignIn: false,
      emailLinkSignIn: true,
    })
  }, 240_000)
  afterAll(async () => {
    await w?.close()
  })

  it('deletes the account of a member without a password, just signed in', async () => {
    const asked = await answer(
      await call('POST', '/v1/auth/register', { body: { email, displayName: 'Cleo' } }),
      202,
    )
    const mail = await nextEmail('Confirm your email and sign in to Allotment')
    const link = (mail.body.text ?? '').match(/[?&]token=([a-z2-7]{32}\.[a-z2-7]{32})/)?.[1]
    const signedIn = await answer(
      await call('POST', '/v1/auth/sign-in-link/redeem', {
        body: { token: link, browserKey: asked.browserKey },
      }),
      200,
    )
    expect(signedIn.account).toMatchObject({ email, hasPassword: false })

    const deleted = await call('DELETE', '/v1/account', { token: signedIn.token, body: {} })
    expect(deleted.status, `${await deleted.text()}\n${formatLogs(w.logs)}`).toBe(204)
    const members = await w.query<{ n: number }>(
      'SELECT count(*) AS n FROM members WHERE site_id = ?',
      site.id,
    )
    expect(members[0]?.n).toBe(0)
    const stale = await answer(await call('GET', '/v1/account', { token: signedIn.token }), 401)
    expect(stale.error.code).toBe('INVALID_SESSION')
    await nextEmail('Your Allotment account was deleted')
  }, 60_000)
})
