// Per-call headers (issue 10): a server that renders pages for many members uses one client and
// forwards each member's own cookie with each call, `{ headers: { cookie } }`. Every method
// must pass them on, on every request it makes, and none may keep one call's headers for the next.
import { createHash } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type CallOptions, type Client, createClient, createOAuth } from '../src/index.ts'
import { json, startServer } from './server.ts'

const key = 'pk_3mzq7kx2vbn4tr6wd5yh2fja'
let server: Awaited<ReturnType<typeof startServer>>

// One answer that every method can read: each takes the part it needs.
const account = { id: 'mem_ada', email: 'ada@example.com', displayName: 'Ada' }
const anything = {
  id: 'x',
  account,
  token: null,
  expiresAt: 0,
  session: { id: 'ses_1' },
  sessions: [],
  items: [],
  nextCursor: null,
  count: 0,
  level: 'normal',
  html: '',
  email: {},
}
// A proof-of-work challenge whose number is 0, so contact forms solve it at once.
const salt = 'salt'
const challenge = {
  algorithm: 'SHA-256',
  challenge: createHash('sha256').update(`${salt}0`).digest('hex'),
  maxnumber: 10,
  salt,
  signature: 'signature',
  timeToken: 'time-token',
}

beforeEach(async () => {
  server = await startServer((req, res) =>
    json(res, 200, req.url.endsWith('/challenge') ? challenge : anything, { ETag: 'W/"1"' }),
  )
})
afterEach(() => server.close())

/** Every method that sends a request, called with `options` last. */
function calls(client: Client): Record<string, (options: CallOptions) => Promise<unknown>> {
  const { auth, contactForm, forum, notifications, moderation } = client
  return {
    site: (o) => client.site(o),
    request: (o) => client.request('GET', '/v1/site', o),
    'contactForm.prepare': (o) => contactForm.prepare('contact', o),
    'contactForm.submit': (o) => contactForm.submit('contact', { message: 'Hi' }, o),
    'auth.request': (o) => auth.request('GET', '/v1/site', o),
    'auth.register': (o) =>
      auth.register({ email: 'a@example.com', password: 'p', displayName: 'Ada' }, o),
    'auth.login': (o) => auth.login({ email: 'a@example.com', password: 'p' }, o),
    'auth.logout': (o) => auth.logout(o),
    'auth.logoutEverywhere': (o) => auth.logoutEverywhere(o),
    'auth.getSession': (o) => auth.getSession(o),
    'auth.verifyEmail': (o) => auth.verifyEmail('token', o),
    'auth.resendVerification': (o) => auth.resendVerification(o),
    'auth.requestPasswordReset': (o) => auth.requestPasswordReset('a@example.com', o),
    'auth.resetPassword': (o) => auth.resetPassword('token', 'new password', o),
    'auth.updateProfile': (o) => auth.updateProfile({ displayName: 'Ada' }, o),
    'auth.changePassword': (o) =>
      auth.changePassword({ currentPassword: 'a', newPassword: 'b' }, o),
    'auth.changeEmail': (o) => auth.changeEmail({ password: 'a', newEmail: 'b@example.com' }, o),
    'auth.confirmEmailChange': (o) => auth.confirmEmailChange('token', o),
    'auth.listSessions': (o) => auth.listSessions(o),
    'auth.revokeSession': (o) => auth.revokeSession('ses_2', o),
    'auth.deleteAccount': (o) => auth.deleteAccount('password', o),
    'auth.exportData': (o) => auth.exportData(o),
    'auth.methods': (o) => auth.methods(o),
    'auth.sendSignInLink': (o) => auth.sendSignInLink('a@example.com', o),
    'auth.signInWithLink': (o) => auth.signInWithLink('token', o),
    'auth.totp.status': (o) => auth.totp.status(o),
    'auth.totp.setup': (o) => auth.totp.setup(o),
    'auth.totp.confirm': (o) => auth.totp.confirm('123456', o),
    'auth.totp.signIn': (o) => auth.totp.signIn({ code: '123456' }, o),
    'auth.totp.disable': (o) => auth.totp.disable({ password: 'p' }, o),
    'auth.totp.newRecoveryCodes': (o) => auth.totp.newRecoveryCodes('p', o),
    // No browser here: the ceremony fails (PASSKEY_UNSUPPORTED) after the options request,
    // whose headers are what this test checks.
    'auth.passkey.register': (o) => auth.passkey.register('Laptop', o).catch(() => undefined),
    'auth.passkey.signIn': (o) => auth.passkey.signIn({}, o).catch(() => undefined),
    'auth.passkey.list': (o) => auth.passkey.list(o),
    'auth.passkey.rename': (o) => auth.passkey.rename('pkey_1', 'Phone', o),
    'auth.passkey.remove': (o) => auth.passkey.remove('pkey_1', o),
    'forum.categories': (o) => forum.categories(o),
    'forum.threads': (o) => forum.threads('general', o),
    'forum.thread': (o) => forum.thread('thr_1', o),
    'forum.posts': (o) => forum.posts('thr_1', o),
    'forum.createThread': (o) => forum.createThread({ category: 'c', title: 't', body: 'b' }, o),
    'forum.preview': (o) => forum.preview('**b**', o),
    'forum.post': (o) => forum.post('thr_1', { body: 'b' }, o),
    'forum.edit': (o) => forum.edit('pst_1', 'b', o),
    'forum.delete': (o) => forum.delete('pst_1', o),
    'forum.like': (o) => forum.like('pst_1', o),
    'forum.unlike': (o) => forum.unlike('pst_1', o),
    'forum.flag': (o) => forum.flag('pst_1', 'spam', undefined, o),
    'forum.watchLevel': (o) => forum.watchLevel('thr_1', o),
    'forum.watch': (o) => forum.watch('thr_1', 'muted', o),
    'forum.search': (o) => forum.search('ferns', o),
    'notifications.list': (o) => notifications.list(o),
    'notifications.unreadCount': (o) => notifications.unreadCount(o),
    'notifications.markRead': (o) => notifications.markRead(undefined, o),
    'notifications.preferences': (o) => notifications.preferences(o),
    'notifications.updatePreferences': (o) => notifications.updatePreferences({}, o),
    'moderation.hidePost': (o) => moderation.hidePost('pst_1', 'r', o),
    'moderation.unhidePost': (o) => moderation.unhidePost('pst_1', 'r', o),
    'moderation.hideThread': (o) => moderation.hideThread('thr_1', 'r', o),
    'moderation.unhideThread': (o) => moderation.unhideThread('thr_1', 'r', o),
    'moderation.lockThread': (o) => moderation.lockThread('thr_1', 'r', o),
    'moderation.unlockThread': (o) => moderation.unlockThread('thr_1', 'r', o),
    'moderation.pinThread': (o) => moderation.pinThread('thr_1', 'r', o),
    'moderation.unpinThread': (o) => moderation.unpinThread('thr_1', 'r', o),
    'moderation.moveThread': (o) => moderation.moveThread('thr_1', 'help', 'r', o),
    'moderation.slowMode': (o) => moderation.slowMode('thr_1', 30, 'r', o),
    'moderation.deleteThread': (o) => moderation.deleteThread('thr_1', 'r', o),
    'moderation.suspendMember': (o) => moderation.suspendMember('mem_1', { reason: 'r' }, o),
    'moderation.flags': (o) => moderation.flags(o),
    'moderation.resolveFlags': (o) => moderation.resolveFlags('pst_1', { action: 'dismiss' }, o),
    'moderation.log': (o) => moderation.log(o),
  }
}

/**
 * Features imported on their own (tree-shaking), built on the client's `auth`: every method of
 * each, called with `options` last, checked as the client's own below.
 */
function separateCalls(client: Client): Record<string, (options: CallOptions) => Promise<unknown>> {
  const oauth = createOAuth(client.auth)
  const page = 'https://site.example/account'
  return {
    'oauth.signIn': (o) => oauth.signIn('github', { returnTo: page }, o),
    'oauth.link': (o) => oauth.link('github', { returnTo: page }, o),
    'oauth.complete': (o) => oauth.complete(`${page}#porchlight_oauth=grant`, o),
    'oauth.identities.list': (o) => oauth.identities.list(o),
    'oauth.identities.unlink': (o) => oauth.identities.unlink('github', o),
  }
}

/**
 * The names of a client's methods, `feature.method` (and `feature.group.method`, as `auth.totp.*`:
 * a first version looked one level deep and missed them), less those that never send a request.
 */
function methodsOf(client: Client): string[] {
  const local = new Set([
    'auth.onChange',
    'auth.handleEmailLink',
    'auth.passkey.isSupported',
    'auth.passkey.isConditionalSupported',
  ])
  // Where the client keeps its session and storage: local, wherever they sit.
  const state = new Set(['session', 'storage'])
  const names: string[] = []
  const visit = (prefix: string, value: object) => {
    for (const [name, member] of Object.entries(value)) {
      if (typeof member === 'function') names.push(`${prefix}${name}`)
      else if (member && typeof member === 'object' && !state.has(name)) {
        visit(`${prefix}${name}.`, member)
      }
    }
  }
  visit('', client)
  return names.filter((name) => !local.has(name)).sort()
}

describe('per-call headers', () => {
  it('this test calls every method of the client that sends a request', () => {
    const client = createClient({ url: 'http://127.0.0.1:1', key })
    expect(Object.keys(calls(client)).sort()).toEqual(methodsOf(client))
  })

  it('this test calls every method of the separately imported features', () => {
    const client = createClient({ url: 'http://127.0.0.1:1', key })
    const names: string[] = []
    const visit = (prefix: string, value: object) => {
      for (const [name, member] of Object.entries(value)) {
        if (typeof member === 'function') names.push(`${prefix}${name}`)
        else if (member && typeof member === 'object') visit(`${prefix}${name}.`, member)
      }
    }
    visit('oauth.', createOAuth(client.auth))
    expect(Object.keys(separateCalls(client)).sort()).toEqual(names.sort())
  })

  const client0 = createClient({ url: 'http://127.0.0.1:1', key })
  it.each([...Object.keys(calls(client0)), ...Object.keys(separateCalls(client0))])(
    '%s sends them on every request it makes',
    async (name) => {
      // Cookie sessions, as a server forwarding the member's cookie uses; no session kept.
      const client = createClient({ url: server.url, key, session: 'cookie' })
      const headers = { cookie: 'porchlight_session=member-a', 'x-request-id': name }
      await { ...calls(client), ...separateCalls(client) }[name]?.({ headers })

      expect(server.seen.length).toBeGreaterThan(0)
      for (const request of server.seen) {
        expect(request.headers.cookie).toBe('porchlight_session=member-a')
        expect(request.headers['x-request-id']).toBe(name)
        // The SDK's own headers stay.
        expect(request.headers['x-porchlight-key']).toBe(key)
      }
    },
  )

  it("keep no call's headers for the next call", async () => {
    const client = createClient({ url: server.url, key, session: 'cookie' })
    await client.forum.posts('thr_1', { headers: { cookie: 'porchlight_session=member-a' } })
    await client.forum.posts('thr_1', { headers: { cookie: 'porchlight_session=member-b' } })
    await client.forum.posts('thr_1')

    expect(server.seen.map((request) => request.headers.cookie)).toEqual([
      'porchlight_session=member-a',
      'porchlight_session=member-b',
      undefined,
    ])
    // The posts' ETag still goes back as If-None-Match beside the caller's headers.
    expect(server.seen[1]?.headers['if-none-match']).toBe('W/"1"')
  })

  it('go with a bearer session too, and may replace its Authorization', async () => {
    const client = createClient({ url: server.url, key })
    await client.session.save({ account: account as never, token: 'kept-token' })
    await client.forum.categories({ headers: { 'x-request-id': 'one' } })
    await client.forum.categories({ headers: { Authorization: 'Bearer other-token' } })

    expect(server.seen[0]?.headers.authorization).toBe('Bearer kept-token')
    expect(server.seen[0]?.headers['x-request-id']).toBe('one')
    expect(server.seen[1]?.headers.authorization).toBe('Bearer other-token')
  })
})
