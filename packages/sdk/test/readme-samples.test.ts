// The SDK README's samples cannot drift (issue 10): every `ts` block is type-checked against the
// SDK's types, and the ones that can run in Node run, in README order, against the real server
// on a socket over a temp libSQL file. A renamed method or option, a wrong argument, a call the
// server refuses, or a README block this test does not know about fails it.
//
// The samples share one story: Ada registers, confirms her address from the email, resets her
// password, starts a thread, likes and flags a post of Bea's, and, made a moderator, moderates
// Bea's thread. What a sample takes for granted (`email`, `postId`, `render`…) comes from the
// prelude below: declared for the type check, real values for the run. Between samples, the
// test does what a reader's page would do between them (sign in again, open an emailed link).
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rows } from '../../../apps/server/test/helpers/http.ts'
import { codeBlocks } from '../../../apps/server/test/helpers/markdown-code-blocks.ts'
import {
  type Account,
  type Auth,
  type Client,
  createClient,
  type FlaggedPost,
  type Forum,
  type ModerationLogEntry,
  type Page,
  type SiteInfo,
  type Thread,
} from '../src/index.ts'
import {
  removeSampleFiles,
  runSample,
  type SampleModule,
  sampleModules,
  sampleScope,
  typeErrors,
} from './readme-sample-modules.ts'
import { type ReadmeServer, startReadmeServer } from './readme-server.ts'

const readme = fileURLToPath(new URL('../README.md', import.meta.url))

const sdkType = (name: string) => `import('@porchlight/sdk').${name}`
/** What the README's prose takes for granted, as the type check sees it. */
const prelude: Record<string, string> = {
  client: `declare const client: ${sdkType('Client')}`,
  auth: `declare const auth: ${sdkType('Auth')}`,
  forum: `declare const forum: ${sdkType('Forum')}`,
  email: 'declare const email: string',
  password: 'declare const password: string',
  code: 'declare const code: string',
  postId: 'declare const postId: string',
  threadId: 'declare const threadId: string',
  memberId: 'declare const memberId: string',
  render: 'declare function render(view: unknown): void',
  renderPage: `declare function renderPage(account: ${sdkType('Account')} | undefined, threads: ${sdkType('Thread')}[]): Response`,
  showErrors: 'declare function showErrors(message: string, fields: Record<string, string>): void',
  showNewPasswordForm:
    'declare function showNewPasswordForm(onSubmit: (password: string) => Promise<void>): void',
  badge: 'declare const badge: { textContent: string | null }',
  retryIn: 'declare function retryIn(seconds: number | undefined): void',
}

/**
 * Every `ts` block of the README, by section and position in it: run, or type-checked only, and
 * why. A block missing here, or here and no longer in the README, fails the first test.
 */
const typeCheckedOnly: Record<string, string> = {
  // Run in Chromium instead, by apps/server/test/browser/readme-samples.test.ts.
  'Contact forms #1': "needs a page's <form> and its submit event (document.querySelector)",
  'Discussions #2': 'polls every 10 seconds for as long as the page is open',
  'Membership #3':
    "needs a code from the member's authenticator app; src/sign-in-methods.test.ts runs these flows",
}
const runInNode = [
  'Create a client #1',
  'Create a client #2',
  'On a server #1',
  'Contact forms from a server #1',
  'Membership #1',
  'Membership #2',
  'Discussions #1',
  'Notifications #1',
  'Moderation #1',
  'Errors #1',
]

const modules = new Map<string, SampleModule>()
{
  const blocks = codeBlocks(readme).filter((block) => block.lang === 'ts')
  const counts = new Map<string, number>()
  for (const module of sampleModules(blocks)) {
    const n = (counts.get(module.block.section) ?? 0) + 1
    counts.set(module.block.section, n)
    modules.set(`${module.block.section} #${n}`, module)
  }
}

let world: ReadmeServer
const scope = sampleScope()
const email = 'ada@example.com'
/** What the prelude's functions (`render`, `renderPage`, `showErrors`…) were called with. */
const calls: Record<string, unknown[][]> = {}
const record =
  (name: string, answer?: () => unknown) =>
  (...args: unknown[]) => {
    calls[name] = [...(calls[name] ?? []), args]
    return answer?.()
  }

/** Runs a README sample with the example server and key replaced by the real ones. */
function run(key: string) {
  const module = modules.get(key)
  if (!module) throw new Error(`no sample ${key} in the README`)
  return runSample(module, 'packages/sdk/README.md', (code) =>
    code
      .replaceAll(`'https://api.example.com'`, JSON.stringify(world.server.url))
      .replace(/'pk_[a-z0-9]+'/g, JSON.stringify(world.site.publishableKey)),
  )
}

/** As a browser has it once the member followed an emailed link. */
function openPage(href: string) {
  Object.defineProperty(globalThis, 'location', { value: { href }, configurable: true })
}

beforeAll(async () => {
  world = await startReadmeServer()
  // The prelude's values for the run.
  Object.assign(scope, {
    email,
    password: 'Fern spores drift at dawn 42',
    threadId: world.ferns.threadId,
    postId: world.ferns.postId,
    memberId: world.bea.id,
    render: record('render'),
    renderPage: record('renderPage', () => new Response('the page')),
    showErrors: record('showErrors'),
    retryIn: record('retryIn'),
    showNewPasswordForm: record('showNewPasswordForm'),
    badge: { textContent: null },
  })
}, 60_000)

afterAll(async () => {
  Reflect.deleteProperty(globalThis, 'location')
  removeSampleFiles()
  await world?.close()
})

describe('packages/sdk/README.md', () => {
  it('has exactly the ts samples this test knows, each type-checked or run', () => {
    expect([...modules.keys()].sort()).toEqual(
      [...runInNode, ...Object.keys(typeCheckedOnly)].sort(),
    )
  })

  it("type-checks every ts sample against the SDK's types", { timeout: 60_000 }, () => {
    expect(typeErrors([...modules.values()], prelude, 'packages/sdk/README.md')).toEqual([])
  })
})

// In README order: each sample continues from what the ones before it did.
describe('packages/sdk/README.md samples, run against the real server', { timeout: 20_000 }, () => {
  const client = () => scope.client as Client

  it('Create a client: the client reads the site', async () => {
    await run('Create a client #1')
    expect(scope.site as SiteInfo).toEqual({ id: world.site.id, name: 'Demo site' })
  })

  it('Smaller bundles: the factories reach the same server', async () => {
    await run('Create a client #2')
    const categories = await (scope.forum as Forum).categories()
    expect(categories.map((category) => category.slug)).toEqual(['general', 'help'])
    expect((scope.auth as Auth).user).toBeNull()
  })

  it("On a server: one client renders each member's page from their cookie", async () => {
    await run('On a server #1')
    const handle = scope.handle as (request: Request) => Promise<Response>
    const page = await handle(
      new Request('https://www.example.com/', { headers: { cookie: world.bea.cookie } }),
    )
    expect(await page.text()).toBe('the page')
    await handle(new Request('https://www.example.com/'))
    const [member, guest] = calls.renderPage as [Account | undefined, Thread[]][]
    expect(member?.[0]?.email).toBe(world.bea.email)
    expect(member?.[1].map((thread) => thread.title)).toEqual(['Ferns in winter'])
    expect(guest?.[0]).toBeUndefined()
  })

  it('Contact forms from a server: the relayed message is stored as the visitor’s, not as spam', async () => {
    process.env.PORCHLIGHT_SECRET_KEY = world.site.secretKey
    try {
      await run('Contact forms from a server #1')
    } finally {
      delete process.env.PORCHLIGHT_SECRET_KEY
    }
    const relay = scope.relay as (fields: Record<string, string>, ip: string) => Promise<string>
    const fields = { name: 'Ann', email: 'ann@example.com', message: 'Relayed by the site' }
    const id = await relay(fields, '198.51.100.23')
    expect(
      await rows(world.server.deps.client, 'SELECT id, status, spam_reasons, ip FROM submissions'),
    ).toEqual([{ id, status: 'new', spam_reasons: '[]', ip: '198.51.100.23' }])
  })

  it('Membership: Ada registers, signs in and out', async () => {
    await run('Membership #1')
    expect((scope.account as Account).email).toBe(email)
    expect((scope.account as Account).displayName).toBe('Ada')
    // onChange heard the sign-in, then the sign-out.
    expect(calls.render?.map(([user]) => (user as Account | null)?.email ?? null)).toEqual([
      email,
      null,
    ])
    expect(client().auth.user).toBeNull()
  })

  it('Links in emails: Ada confirms her address, then resets her password', async () => {
    openPage(await world.emailedLink(email, 'verify-email'))
    await run('Membership #2')
    expect(calls.showNewPasswordForm).toBeUndefined()
    const confirmed = await client().auth.login({ email, password: scope.password as string })
    expect(confirmed.emailVerified).toBe(true)

    await client().auth.requestPasswordReset(email)
    openPage(await world.emailedLink(email, 'reset-password'))
    let saved: Promise<void> | undefined
    const newPassword = 'A new fern for a new season 7'
    scope.showNewPasswordForm = (submit: (password: string) => Promise<void>) => {
      saved = submit(newPassword)
    }
    await run('Membership #2')
    await saved
    Reflect.deleteProperty(globalThis, 'location')
    // "Every session ends: sign in again", with the new password.
    await expect(client().auth.getSession()).resolves.toBeNull()
    expect(client().auth.user).toBeNull()
    expect((await client().auth.login({ email, password: newPassword })).email).toBe(email)
    scope.password = newPassword
  })

  it('Discussions: Ada reads, starts a thread, replies, likes, flags and searches', async () => {
    await run('Discussions #1')
    expect((scope.threads as Thread[]).map((thread) => thread.title)).toContain('Ferns in winter')
    const { items: mine } = await client().forum.posts(scope.id as string)
    expect(mine[0]?.author?.displayName).toBe('Ada')
    // Bea's opening post, liked; Ada's reply to it, edited and then deleted.
    const { items: theirs } = await client().forum.posts(scope.threadId as string)
    expect(theirs[0]).toMatchObject({ id: scope.postId, likeCount: 1, liked: true })
    expect(theirs[1]).toMatchObject({ replyToId: scope.postId, edited: true, deleted: true })
    expect(await client().forum.watchLevel(scope.id as string)).toBe('watching')
    expect((scope.results as Page<unknown>).items.length).toBeGreaterThan(0)
  })

  it('Notifications: Ada sees a reply of Bea’s, reads it, and turns reply emails off', async () => {
    await client().forum.post(
      scope.id as string,
      { body: 'Welcome, Ada!' },
      { headers: { authorization: `Bearer ${world.bea.token}` } },
    )
    await run('Notifications #1')
    expect((scope.badge as { textContent: string }).textContent).toBe('1')
    expect(await client().notifications.unreadCount()).toBe(0)
    expect((await client().notifications.preferences()).email.replies).toBe(false)
  })

  it('Moderation: Ada, made a moderator, acts on Bea’s thread, post and flag', async () => {
    const ada = client().auth.user as Account
    await world.owner('PATCH', `/v1/admin/members/${ada.id}`, { role: 'moderator' })
    await run('Moderation #1')
    // The flag queue as the sample read it: Ada's flag from the Discussions sample.
    expect(
      (scope.items as FlaggedPost[]).map(({ post, flags }) => [post.id, flags[0]?.note]),
    ).toEqual([[scope.postId, 'Same link in every thread']])
    // Every action of the sample is in the log, newest first, with its reason.
    const { items: log } = scope.log as Page<ModerationLogEntry>
    expect(
      log
        .filter((entry) => entry.by === 'member')
        .map(({ action, targetId, reason }) => [action, targetId, reason]),
    ).toEqual([
      ['thread.delete', scope.threadId, 'Spam'],
      ['post.hide', scope.postId, 'Spam'],
      ['member.suspend', world.bea.id, 'Repeated insults'],
      ['thread.slow_mode', scope.threadId, null],
      ['thread.move', scope.threadId, 'Belongs in help'],
      ['thread.lock', scope.threadId, 'Resolved'],
      ['post.hide', scope.postId, 'Personal attack'],
    ])
    // Suspended: Bea's sessions ended with it, and signing in again says why.
    const asBea = { headers: { authorization: `Bearer ${world.bea.token}` } }
    expect(await client().auth.getSession(asBea)).toBeNull()
    const signIn = createClient({ url: world.server.url, key: world.site.publishableKey }).auth
    await expect(
      signIn.login({ email: world.bea.email, password: world.bea.password }),
    ).rejects.toMatchObject({
      code: 'ACCOUNT_SUSPENDED',
    })
  })

  it('Errors: a call that succeeds handles no error', async () => {
    await run('Errors #1')
    expect(calls.retryIn).toBeUndefined()
    expect(calls.showErrors).toBeUndefined()
  })
})
