// Contact forms from a site's own server (issue 15, item 7), against the real Porchlight server on
// a socket over a temp libSQL file. `contactForm.submit` in Node used to spend 1–8 s on the proof
// of work; with the site's secret key in the call's headers, as the README's "Contact forms from
// a server" shows, the server hands it a challenge of one or two hashes and asks for no other
// browser proof. The page's path is unchanged: its challenge is the real one.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../../apps/server/src/config.ts'
import { type NodeServer, startNodeServer } from '../../../apps/server/src/entry/node.ts'
import { createLogger } from '../../../apps/server/src/logger.ts'
import { createDemoSite } from '../../../apps/server/src/sites/demo-site.ts'
import { rows } from '../../../apps/server/test/helpers/http.ts'
import { createContactForm, isPorchlightError } from '../src/index.ts'

let dataDir: string
let server: NodeServer
let site: Awaited<ReturnType<typeof createDemoSite>>

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'porchlight-sdk-server-form-'))
  const env = { DATABASE_URL: `file:${join(dataDir, 'porchlight.db')}`, DEMO_PAGES: 'false' }
  server = await startNodeServer({
    config: { ...loadConfig(env), port: 0 },
    log: createLogger({ level: 'silent' }),
  })
  // The demo site: a form `contact` with name, email and message.
  site = await createDemoSite(server.deps, server.url)
}, 60_000)

afterAll(async () => {
  await server?.close()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
})

/** What the SDK asked of the server, and what the challenge it got said. */
function recordingFetch(onChallenge?: () => void) {
  const calls: { method: string; path: string; maxnumber?: number }[] = []
  /** The numbers the SDK found, from the `_altcha` of what it submitted. */
  const solved: number[] = []
  const fetcher = async (input: string | URL | Request, init?: RequestInit) => {
    const response = await fetch(input, init)
    const path = new URL(String(input)).pathname
    const call: (typeof calls)[number] = { method: init?.method ?? 'GET', path }
    if (path.endsWith('/challenge') && response.ok) {
      call.maxnumber = ((await response.clone().json()) as { maxnumber: number }).maxnumber
      onChallenge?.()
    }
    if (path.endsWith('/submissions')) {
      const { _altcha } = JSON.parse(String(init?.body)) as { _altcha: string }
      solved.push((JSON.parse(atob(_altcha)) as { number: number }).number)
    }
    calls.push(call)
    return response
  }
  return { calls, solved, fetch: fetcher as typeof fetch }
}

describe('contactForm.submit on a server, with the secret key', () => {
  it('solves nothing worth the name, and the message is stored as the visitor’s', async () => {
    const recorder = recordingFetch()
    const contactForm = createContactForm({
      url: server.url,
      key: site.publishableKey,
      fetch: recorder.fetch,
    })

    const { id } = await contactForm.submit(
      'contact',
      { name: 'Ann', email: 'ann@example.com', message: 'Sent from the site’s backend' },
      {
        headers: {
          authorization: `Bearer ${site.secretKey}`,
          'x-porchlight-visitor-ip': '198.51.100.23',
        },
      },
    )

    // The challenge it was handed takes one or two hashes, where a page's takes 50,000 on average.
    expect(recorder.calls).toEqual([
      { method: 'GET', path: '/v1/forms/contact/challenge', maxnumber: 1 },
      { method: 'POST', path: '/v1/forms/contact/submissions' },
    ])
    // The solver tries 0, 1, 2…: the number it found is how many hashes it spent, less one.
    expect(recorder.solved).toHaveLength(1)
    expect(recorder.solved[0]).toBeLessThanOrEqual(1)
    expect(
      await rows(server.deps.client, 'SELECT id, status, spam_reasons, ip FROM submissions'),
    ).toEqual([{ id, status: 'new', spam_reasons: '[]', ip: '198.51.100.23' }])
  })
})

describe('contactForm.submit from a page, unchanged', () => {
  it('still gets the real challenge to solve', async () => {
    // Stopped as soon as the challenge arrives: the challenge is what this checks, not the
    // seconds of solving it in Node (the browser tests submit through it in Chromium).
    const stop = new AbortController()
    const recorder = recordingFetch(() => stop.abort())
    const contactForm = createContactForm({
      url: server.url,
      key: site.publishableKey,
      fetch: recorder.fetch,
    })
    const solving = contactForm.submit(
      'contact',
      { email: 'ann@example.com', message: 'From a page' },
      { signal: stop.signal },
    )
    const failure = await solving.catch((error: unknown) => error)
    expect(isPorchlightError(failure) && failure.code).toBe('ABORTED')
    expect(recorder.calls).toEqual([
      { method: 'GET', path: '/v1/forms/contact/challenge', maxnumber: 100_000 },
    ])
  })

  it('may not carry a secret key: a browser (it sends Origin) is refused', async () => {
    const contactForm = createContactForm({ url: server.url, key: site.publishableKey })
    const refused = await contactForm
      .submit(
        'contact',
        { email: 'ann@example.com', message: 'A secret key in a page' },
        { headers: { authorization: `Bearer ${site.secretKey}`, origin: server.url } },
      )
      .catch((error: unknown) => error)
    expect(refused).toMatchObject({ status: 403, code: 'SECRET_KEY_IN_BROWSER' })
  })
})
