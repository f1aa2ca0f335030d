// A stand-in for the membership and forum routes of apps/server (auth/routes.ts,
// auth/account-routes.ts, forum/*-routes.ts), on a real HTTP server and with in-memory state.
// It keeps the contract the SDK depends on: paths, methods, strict JSON bodies (an unknown or
// missing field is a 422 naming it), status codes, the error envelope, bearer and cookie
// sessions, `401 INVALID_SESSION` for a token that is no longer valid, and the posts list's
// `ETag` / `If-None-Match` / `304`. Emailed links are recorded in `mail`, built with the
// server's default template `<origin>/account?action={action}&token={token}`.
import { randomBytes } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import { json, type SeenRequest, startServer } from './server.ts'

export const key = 'pk_test_members'
export const siteOrigin = 'https://ferns.example'
export const cookieName = 'porchlight_session'

type Role = 'member' | 'moderator' | 'admin'

export interface StoredMember {
  id: string
  email: string
  password: string
  emailVerified: boolean
  displayName: string
  username: string | null
  avatarUrl: string | null
  bio: string | null
  role: Role
  status: 'active' | 'suspended' | 'banned'
  suspendedUntil: number | null
  createdAt: number
}

interface StoredSession {
  id: string
  secret: string
  memberId: string
  transport: 'bearer' | 'cookie'
  createdAt: number
  lastUsedAt: number
}

interface StoredPost {
  id: string
  threadId: string
  number: number
  authorId: string
  replyToId: string | null
  source: string
  hidden: boolean
  hiddenReason: string | null
  deleted: boolean
  editedAt: number | null
  likes: Set<string>
  createdAt: number
}

interface StoredThread {
  id: string
  categoryId: string
  title: string
  authorId: string
  pinned: boolean
  locked: boolean
  hidden: boolean
  slowModeSeconds: number
  version: number
  createdAt: number
  lastActivityAt: number
}

/** One email the stand-in "sent". */
export interface SentMail {
  to: string
  action: 'verify-email' | 'reset-password' | 'confirm-email-change'
  token: string
  url: string
}

/** Routes mounted without `member` on the server: the emailed token or the password is the proof. */
const sessionless = new Set([
  'POST /v1/auth/register',
  'POST /v1/auth/verify-email',
  'POST /v1/auth/login',
  'POST /v1/auth/password-reset/request',
  'POST /v1/auth/password-reset/confirm',
  'POST /v1/auth/email-change/confirm',
])

class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly fields: Record<string, string> | undefined
  constructor(status: number, code: string, message: string, fields?: Record<string, string>) {
    super(message)
    this.status = status
    this.code = code
    this.fields = fields
  }
}

// 32 base32 characters, 160 bits, like the server's randomToken(20).
const base32 = 'abcdefghijklmnopqrstuvwxyz234567'
const randomPart = () => [...randomBytes(32)].map((b) => base32[b % 32]).join('')
const newId = (prefix: string) => `${prefix}_${randomPart().slice(0, 24)}`
const encodeCursor = (values: unknown[]) =>
  Buffer.from(JSON.stringify(values)).toString('base64url')
const decodeCursor = (cursor: string): unknown[] => {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(parsed)) return parsed
  } catch {}
  throw new ApiError(400, 'INVALID_CURSOR', 'The cursor is not one this API returned.')
}
const signInRequired = () => new ApiError(401, 'SIGN_IN_REQUIRED', 'Sign in to do this.')
const invalidToken = () =>
  new ApiError(400, 'INVALID_TOKEN', 'This link is invalid or has expired. Ask for a new one.')

/**
 * A strict JSON object with these fields (`?` marks optional ones), as the server's
 * `z.strictObject` schemas: unknown and missing fields are a 422 listing each.
 */
function bodyOf(req: SeenRequest, shape: string[]): Record<string, unknown> {
  if (!/^application\/json/.test(req.headers['content-type'] ?? '')) {
    throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.')
  }
  const body = JSON.parse(req.body) as Record<string, unknown>
  const fields: Record<string, string> = {}
  const names = shape.map((f) => f.replace('?', ''))
  for (const name of Object.keys(body)) if (!names.includes(name)) fields[name] = 'Unknown field.'
  for (const f of shape) if (!f.endsWith('?') && body[f] === undefined) fields[f] = 'Required.'
  if (Object.keys(fields).length > 0) {
    throw new ApiError(422, 'VALIDATION_FAILED', 'Some fields are invalid.', fields)
  }
  return body
}

export interface ApiServerOptions {
  /** Extra routes, tried first (pages for a browser test); return true when handled. */
  route?: (req: SeenRequest, res: ServerResponse) => boolean
}

export async function startApiServer(options: ApiServerOptions = {}) {
  const members = new Map<string, StoredMember>()
  const sessions = new Map<string, StoredSession>()
  const emailTokens = new Map<
    string,
    { purpose: SentMail['action']; memberId: string; newEmail?: string }
  >()
  const mail: SentMail[] = []
  const categories = [
    {
      id: 'cat_general',
      slug: 'general',
      name: 'General',
      description: '',
      position: 0,
      readAccess: 'everyone',
      threadAccess: 'members',
      createdAt: 1,
      updatedAt: 1,
    },
    {
      id: 'cat_help',
      slug: 'help',
      name: 'Help',
      description: 'Ask away',
      position: 1,
      readAccess: 'everyone',
      threadAccess: 'members',
      createdAt: 1,
      updatedAt: 1,
    },
  ]
  const threads = new Map<string, StoredThread>()
  const posts = new Map<string, StoredPost>()
  const flags: {
    id: string
    postId: string
    memberId: string
    reason: string
    note: string | null
    status: string
    createdAt: number
  }[] = []
  const watches = new Map<string, string>()
  const notifications: {
    id: string
    memberId: string
    kind: string
    threadId: string
    postId: string
    read: boolean
    createdAt: number
  }[] = []
  const preferences = new Map<string, { replies: boolean; mentions: boolean; quotes: boolean }>()
  const log: {
    id: string
    actorId: string
    action: string
    targetId: string
    reason: string | null
  }[] = []
  /** Statuses answered per route, to let a test fail one on purpose. */
  const failures = new Map<string, { status: number; code: string }>()
  let clock = 1_700_000_000_000

  const ownAccount = (m: StoredMember) => {
    const { password: _, ...account } = m
    return account
  }
  const authorOf = (id: string) => {
    const m = members.get(id)
    return m
      ? { id: m.id, displayName: m.displayName, username: m.username, avatarUrl: m.avatarUrl }
      : null
  }
  const sendMail = (
    to: string,
    action: SentMail['action'],
    memberId: string,
    newEmail?: string,
  ) => {
    const token = `${randomPart()}.${randomPart()}`
    emailTokens.set(token, { purpose: action, memberId, ...(newEmail && { newEmail }) })
    mail.push({ to, action, token, url: `${siteOrigin}/account?action=${action}&token=${token}` })
  }
  const spend = (token: unknown, purpose: SentMail['action']) => {
    const found = typeof token === 'string' ? emailTokens.get(token) : undefined
    if (!found || found.purpose !== purpose) throw invalidToken()
    emailTokens.delete(token as string)
    return found
  }
  const createMember = (input: Partial<StoredMember> & { email: string; password: string }) => {
    const member: StoredMember = {
      id: newId('mem'),
      emailVerified: false,
      displayName: input.email.split('@')[0] ?? 'member',
      username: null,
      avatarUrl: null,
      bio: null,
      role: 'member',
      status: 'active',
      suspendedUntil: null,
      createdAt: clock++,
      ...input,
    }
    members.set(member.id, member)
    return member
  }
  const newSession = (memberId: string, transport: 'bearer' | 'cookie') => {
    const session = {
      id: randomPart(),
      secret: randomPart(),
      memberId,
      transport,
      createdAt: clock,
      lastUsedAt: clock++,
    }
    sessions.set(session.id, session)
    return { session, token: `${session.id}.${session.secret}` }
  }
  const sessionView = (s: StoredSession) => ({
    id: s.id,
    createdAt: s.createdAt,
    lastUsedAt: s.lastUsedAt,
    expiresAt: s.lastUsedAt + 30 * 86_400_000,
    transport: s.transport,
  })
  const threadView = (t: StoredThread) => ({
    id: t.id,
    categoryId: t.categoryId,
    title: t.title,
    author: authorOf(t.authorId),
    pinned: t.pinned,
    locked: t.locked,
    hidden: t.hidden,
    slowModeSeconds: t.slowModeSeconds,
    postCount: [...posts.values()].filter((p) => p.threadId === t.id).length,
    lastActivityAt: t.lastActivityAt,
    createdAt: t.createdAt,
  })
  const postView = (p: StoredPost, viewer: StoredMember | null) => {
    const moderator = viewer?.role === 'moderator' || viewer?.role === 'admin'
    return {
      id: p.id,
      threadId: p.threadId,
      number: p.number,
      author: p.deleted ? null : authorOf(p.authorId),
      replyToId: p.replyToId,
      quoteOfId: null,
      html: p.deleted
        ? '<p>[deleted]</p>'
        : p.hidden && !moderator
          ? '<p>[hidden by a moderator]</p>'
          : `<p>${p.source.replace(/[<>&]/g, '')}</p>`,
      ...(!p.deleted && (moderator || viewer?.id === p.authorId) && { source: p.source }),
      hidden: p.hidden,
      ...(moderator && p.hidden && { hiddenReason: p.hiddenReason }),
      deleted: p.deleted,
      edited: p.editedAt !== null,
      editedAt: p.editedAt,
      likeCount: p.likes.size,
      ...(viewer && { liked: p.likes.has(viewer.id) }),
      createdAt: p.createdAt,
    }
  }
  const findThread = (id: string | undefined, viewer: StoredMember | null) => {
    const thread = id ? threads.get(id) : undefined
    const moderator = viewer?.role === 'moderator' || viewer?.role === 'admin'
    if (!thread || (thread.hidden && !moderator)) {
      throw new ApiError(404, 'THREAD_NOT_FOUND', 'No such thread.')
    }
    return thread
  }
  const findPost = (id: string | undefined) => {
    const post = id ? posts.get(id) : undefined
    if (!post) throw new ApiError(404, 'POST_NOT_FOUND', 'No such post.')
    return post
  }
  const addPost = (thread: StoredThread, authorId: string, source: string, replyToId?: string) => {
    const number = [...posts.values()].filter((p) => p.threadId === thread.id).length + 1
    const post: StoredPost = {
      id: newId('pst'),
      threadId: thread.id,
      number,
      authorId,
      replyToId: replyToId ?? null,
      source,
      hidden: false,
      hiddenReason: null,
      deleted: false,
      editedAt: null,
      likes: new Set(),
      createdAt: clock++,
    }
    posts.set(post.id, post)
    thread.version++
    thread.lastActivityAt = post.createdAt
    return post
  }
  const page = <T>(items: T[], cursor: string | undefined, limit: number) => {
    const [offset = 0] = cursor ? decodeCursor(cursor) : []
    const start = Number(offset)
    return {
      items: items.slice(start, start + limit),
      nextCursor: start + limit < items.length ? encodeCursor([start + limit]) : null,
    }
  }

  function handle(req: SeenRequest, res: ServerResponse) {
    const url = new URL(req.url, 'http://stand-in')
    const route = `${req.method} ${url.pathname}`
    const query = Object.fromEntries(url.searchParams)
    const failure = failures.get(route)
    if (failure) throw new ApiError(failure.status, failure.code, 'Failing on purpose.')
    if (req.headers['x-porchlight-key'] !== key) {
      throw new ApiError(401, 'INVALID_PUBLISHABLE_KEY', 'Unknown publishable key.')
    }

    // The member session, as http/member.ts reads it: bearer first, then the cookie.
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1]
    const cookie = bearer
      ? undefined
      : new RegExp(`(?:^|; )${cookieName}=([^;]+)`).exec(req.headers.cookie ?? '')?.[1]
    // Routes mounted without the session middleware ignore a token, even a dead one.
    const token = sessionless.has(route) ? undefined : (bearer ?? cookie)
    let session: StoredSession | null = null
    let member: StoredMember | null = null
    if (token) {
      const [id, secret] = token.split('.')
      const found = id ? sessions.get(id) : undefined
      const owner = found && members.get(found.memberId)
      if (!found || found.secret !== secret || !owner) {
        if (cookie) res.setHeader('Set-Cookie', `${cookieName}=; Path=/; Max-Age=0`)
        throw new ApiError(401, 'INVALID_SESSION', 'Your session has ended. Sign in again.')
      }
      found.lastUsedAt = clock++
      session = found
      member = owner
    }
    const signedIn = () => {
      if (!member || !session) throw signInRequired()
      return { member, session }
    }
    const moderator = () => {
      const { member: m } = signedIn()
      if (m.role !== 'moderator' && m.role !== 'admin') {
        throw new ApiError(403, 'FORBIDDEN', 'You may not do that here.')
      }
      return m
    }
    const clearCookie = () => {
      if (cookie) res.setHeader('Set-Cookie', `${cookieName}=; Path=/; Max-Age=0`)
    }
    const ok = (status: number, body?: unknown) =>
      body === undefined ? res.writeHead(status).end() : json(res, status, body)
    const param = (pattern: RegExp) => pattern.exec(url.pathname)?.[1]

    switch (route) {
      // --- auth/routes.ts
      case 'POST /v1/auth/register': {
        const body = bodyOf(req, ['email', 'password', 'displayName', 'username?'])
        if (String(body.password).length < 12) {
          throw new ApiError(422, 'VALIDATION_FAILED', 'Some fields are invalid.', {
            password: 'Use at least 12 characters.',
          })
        }
        const existing = [...members.values()].find((m) => m.email === body.email)
        if (!existing) {
          const created = createMember(body as unknown as StoredMember)
          sendMail(created.email, 'verify-email', created.id)
        }
        return ok(202, { status: 'verification_sent' })
      }
      case 'POST /v1/auth/verify-email': {
        const { token: t } = bodyOf(req, ['token'])
        const found = spend(t, 'verify-email')
        const verified = members.get(found.memberId)!
        verified.emailVerified = true
        return ok(200, { account: ownAccount(verified) })
      }
      case 'POST /v1/auth/verify-email/resend': {
        const { member: m } = signedIn()
        if (m.emailVerified) return ok(202, { status: 'already_verified' })
        sendMail(m.email, 'verify-email', m.id)
        return ok(202, { status: 'verification_sent' })
      }
      case 'POST /v1/auth/login': {
        const body = bodyOf(req, ['email', 'password', 'transport?'])
        const found = [...members.values()].find((m) => m.email === body.email)
        if (!found || found.password !== body.password) {
          throw new ApiError(401, 'INVALID_CREDENTIALS', 'The email or password is incorrect.')
        }
        const transport = body.transport === 'cookie' ? 'cookie' : 'bearer'
        const created = newSession(found.id, transport)
        const expiresAt = created.session.createdAt + 90 * 86_400_000
        res.setHeader('Cache-Control', 'no-store')
        if (transport === 'bearer') {
          return ok(200, { token: created.token, account: ownAccount(found), expiresAt })
        }
        res.setHeader(
          'Set-Cookie',
          `${cookieName}=${created.token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=7776000`,
        )
        return ok(200, { account: ownAccount(found), expiresAt })
      }
      case 'POST /v1/auth/logout': {
        sessions.delete(signedIn().session.id)
        clearCookie()
        return ok(204)
      }
      case 'POST /v1/auth/logout-everywhere': {
        const { member: m } = signedIn()
        for (const [id, s] of sessions) if (s.memberId === m.id) sessions.delete(id)
        clearCookie()
        return ok(204)
      }
      case 'GET /v1/auth/session':
        if (!member || !session) return ok(200, { account: null })
        return ok(200, { account: ownAccount(member), session: sessionView(session) })
      case 'GET /v1/auth/sessions': {
        const current = signedIn()
        return ok(200, {
          sessions: [...sessions.values()]
            .filter((s) => s.memberId === current.member.id)
            .map((s) => ({
              ...sessionView(s),
              current: s.id === current.session.id,
              userAgent: 'node',
              ip: '127.0.0.1',
            })),
        })
      }
      // --- auth/account-routes.ts
      case 'POST /v1/auth/password-reset/request': {
        const { email } = bodyOf(req, ['email'])
        const found = [...members.values()].find((m) => m.email === email)
        if (found) sendMail(found.email, 'reset-password', found.id)
        return ok(202, { status: 'reset_sent' })
      }
      case 'POST /v1/auth/password-reset/confirm': {
        const body = bodyOf(req, ['token', 'password'])
        const found = spend(body.token, 'reset-password')
        members.get(found.memberId)!.password = String(body.password)
        for (const [id, s] of sessions) if (s.memberId === found.memberId) sessions.delete(id)
        return ok(200, { status: 'password_reset' })
      }
      case 'POST /v1/auth/email-change/confirm': {
        const { token: t } = bodyOf(req, ['token'])
        const found = spend(t, 'confirm-email-change')
        const changed = members.get(found.memberId)!
        changed.email = found.newEmail!
        changed.emailVerified = true
        return ok(200, ownAccount(changed))
      }
      case 'GET /v1/account':
        return ok(200, ownAccount(signedIn().member))
      case 'PATCH /v1/account': {
        const { member: m } = signedIn()
        const body = bodyOf(req, ['displayName?', 'username?', 'avatarUrl?', 'bio?'])
        Object.assign(m, body)
        return ok(200, ownAccount(m))
      }
      case 'POST /v1/account/password': {
        const current = signedIn()
        const body = bodyOf(req, ['currentPassword', 'newPassword', 'signOutOtherSessions?'])
        if (body.currentPassword !== current.member.password) {
          throw new ApiError(403, 'INVALID_PASSWORD', 'The current password is not correct.')
        }
        current.member.password = String(body.newPassword)
        if (body.signOutOtherSessions !== false) {
          for (const [id, s] of sessions) {
            if (s.memberId === current.member.id && id !== current.session.id) sessions.delete(id)
          }
        }
        return ok(200, { status: 'password_changed' })
      }
      case 'POST /v1/account/email': {
        const { member: m } = signedIn()
        const body = bodyOf(req, ['password', 'newEmail'])
        if (body.password !== m.password) {
          throw new ApiError(403, 'INVALID_PASSWORD', 'The current password is not correct.')
        }
        sendMail(String(body.newEmail), 'confirm-email-change', m.id, String(body.newEmail))
        return ok(202, { status: 'confirmation_sent' })
      }
      case 'DELETE /v1/account': {
        const { member: m } = signedIn()
        const body = bodyOf(req, ['password'])
        if (body.password !== m.password) {
          throw new ApiError(403, 'INVALID_PASSWORD', 'The current password is not correct.')
        }
        members.delete(m.id)
        for (const [id, s] of sessions) if (s.memberId === m.id) sessions.delete(id)
        res.setHeader('Set-Cookie', `${cookieName}=; Path=/; Max-Age=0`)
        return ok(204)
      }
      case 'GET /v1/account/export': {
        const current = signedIn()
        res.setHeader('Content-Disposition', 'attachment; filename="porchlight-export.json"')
        return ok(200, {
          exportedAt: clock,
          site: { id: 'site_1', name: 'Ferns' },
          account: ownAccount(current.member),
          sessions: [{ ...sessionView(current.session), current: true }],
          submissions: [],
          posts: [],
        })
      }
      // --- forum/routes.ts
      case 'GET /v1/forum/categories':
        return ok(200, { items: categories })
      case 'POST /v1/forum/threads': {
        const { member: m } = signedIn()
        const body = bodyOf(req, ['category', 'title', 'body'])
        const category = categories.find((c) => c.slug === body.category)
        if (!category) throw new ApiError(404, 'CATEGORY_NOT_FOUND', 'No such category.')
        const thread: StoredThread = {
          id: newId('thr'),
          categoryId: category.id,
          title: String(body.title),
          authorId: m.id,
          pinned: false,
          locked: false,
          hidden: false,
          slowModeSeconds: 0,
          version: 0,
          createdAt: clock,
          lastActivityAt: clock,
        }
        threads.set(thread.id, thread)
        const first = addPost(thread, m.id, String(body.body))
        watches.set(`${thread.id} ${m.id}`, 'watching')
        return ok(201, { id: thread.id, postId: first.id })
      }
      case 'GET /v1/forum/search': {
        if (query.q === undefined) {
          throw new ApiError(422, 'VALIDATION_FAILED', 'Some fields are invalid.', {
            q: 'Type something to search for.',
          })
        }
        const words = query.q.toLowerCase()
        const hits = [...posts.values()]
          .filter((p) => !p.deleted && !p.hidden && p.source.toLowerCase().includes(words))
          .map((p) => ({
            threadId: p.threadId,
            threadTitle: threads.get(p.threadId)?.title,
            postId: p.id,
            postNumber: p.number,
            category: { slug: 'general', name: 'General' },
            author: authorOf(p.authorId),
            snippet: p.source.replace(new RegExp(words, 'i'), (w) => `<mark>${w}</mark>`),
            createdAt: p.createdAt,
          }))
        return ok(200, page(hits, query.cursor, Number(query.limit ?? 20)))
      }
      // --- forum/notification-routes.ts
      case 'GET /v1/notifications': {
        const { member: m } = signedIn()
        const mine = notifications
          .filter((n) => n.memberId === m.id && (query.unread !== 'true' || !n.read))
          .reverse()
          .map((n) => ({
            id: n.id,
            kind: n.kind,
            threadId: n.threadId,
            threadTitle: threads.get(n.threadId)?.title ?? null,
            postId: n.postId,
            postNumber: posts.get(n.postId)?.number ?? null,
            actor: null,
            data: null,
            read: n.read,
            createdAt: n.createdAt,
          }))
        return ok(200, page(mine, query.cursor, Number(query.limit ?? 25)))
      }
      case 'GET /v1/notifications/unread-count': {
        const { member: m } = signedIn()
        return ok(200, {
          count: notifications.filter((n) => n.memberId === m.id && !n.read).length,
        })
      }
      case 'POST /v1/notifications/read': {
        const { member: m } = signedIn()
        const { ids } = bodyOf(req, ['ids?']) as { ids?: string[] }
        for (const n of notifications) {
          if (n.memberId === m.id && (!ids || ids.includes(n.id))) n.read = true
        }
        return ok(204)
      }
      case 'GET /v1/notifications/preferences': {
        const { member: m } = signedIn()
        return ok(200, {
          email: preferences.get(m.id) ?? { replies: true, mentions: true, quotes: true },
        })
      }
      case 'PATCH /v1/notifications/preferences': {
        const { member: m } = signedIn()
        const { email = {} } = bodyOf(req, ['email?']) as { email?: Record<string, boolean> }
        const merged = {
          ...(preferences.get(m.id) ?? { replies: true, mentions: true, quotes: true }),
          ...email,
        }
        preferences.set(m.id, merged)
        return ok(200, { email: merged })
      }
      // --- forum/moderation-routes.ts (the queue and the log)
      case 'GET /v1/forum/moderation/flags': {
        moderator()
        const status = query.status ?? 'open'
        const byPost = new Map<string, typeof flags>()
        for (const f of flags.filter((f) => f.status === status)) {
          byPost.set(f.postId, [...(byPost.get(f.postId) ?? []), f])
        }
        const items = [...byPost].map(([postId, own]) => {
          const post = posts.get(postId)!
          return {
            post: postView(post, member),
            thread: { id: post.threadId, title: threads.get(post.threadId)?.title },
            flagCount: own.length,
            reasons: Object.fromEntries(own.map((f) => [f.reason, 1])),
            flags: own.map((f) => ({
              id: f.id,
              reason: f.reason,
              note: f.note,
              member: authorOf(f.memberId),
              status: f.status,
              resolvedBy: null,
              resolvedAt: null,
              createdAt: f.createdAt,
            })),
            firstFlaggedAt: own[0]?.createdAt,
          }
        })
        return ok(200, page(items, query.cursor, Number(query.limit ?? 25)))
      }
      case 'GET /v1/forum/moderation/log': {
        moderator()
        const items = [...log].reverse().map((entry) => ({
          id: entry.id,
          by: 'member',
          actor: authorOf(entry.actorId),
          action: entry.action,
          targetType: entry.action.split('_')[1] ?? 'thread',
          targetId: entry.targetId,
          reason: entry.reason,
          details: {},
          createdAt: clock,
        }))
        return ok(200, page(items, query.cursor, Number(query.limit ?? 50)))
      }
    }

    // Routes with an id in the path.
    let id: string | undefined
    if ((id = param(/^\/v1\/auth\/sessions\/([^/]+)$/)) && req.method === 'DELETE') {
      const { member: m } = signedIn()
      const target = sessions.get(decodeURIComponent(id))
      if (!target || target.memberId !== m.id) {
        throw new ApiError(404, 'SESSION_NOT_FOUND', 'You have no session with that id.')
      }
      sessions.delete(target.id)
      if (target.id === session?.id) clearCookie()
      return ok(204)
    }
    if ((id = param(/^\/v1\/forum\/categories\/([^/]+)\/threads$/)) && req.method === 'GET') {
      const category = categories.find((c) => c.slug === decodeURIComponent(id!))
      if (!category) throw new ApiError(404, 'CATEGORY_NOT_FOUND', 'No such category.')
      const list = [...threads.values()]
        .filter((t) => t.categoryId === category.id && !t.hidden)
        .sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.lastActivityAt - a.lastActivityAt)
        .map(threadView)
      return ok(200, page(list, query.cursor, Number(query.limit ?? 25)))
    }
    if ((id = param(/^\/v1\/forum\/threads\/([^/]+)$/)) && req.method === 'GET') {
      const thread = findThread(id, member)
      return ok(200, {
        ...threadView(thread),
        category: categories.find((c) => c.id === thread.categoryId),
      })
    }
    if ((id = param(/^\/v1\/forum\/threads\/([^/]+)\/posts$/))) {
      const thread = findThread(id, member)
      if (req.method === 'POST') {
        const { member: m } = signedIn()
        const body = bodyOf(req, ['body', 'replyTo?'])
        if (thread.locked) {
          throw new ApiError(403, 'THREAD_LOCKED', 'This thread is locked: it takes no new posts.')
        }
        const reply = addPost(thread, m.id, String(body.body), body.replyTo as string | undefined)
        for (const [watch, level] of watches) {
          const [threadId, watcher] = watch.split(' ')
          if (threadId === thread.id && watcher !== m.id && level === 'watching') {
            notifications.push({
              id: newId('ntf'),
              memberId: watcher!,
              kind: 'reply',
              threadId: thread.id,
              postId: reply.id,
              read: false,
              createdAt: clock++,
            })
          }
        }
        return ok(201, { id: reply.id, number: reply.number })
      }
      const { after, limit = '50', ...rest } = query
      if (Object.keys(rest).length > 0) {
        throw new ApiError(422, 'VALIDATION_FAILED', 'Some fields are invalid.', {
          [Object.keys(rest)[0]!]: 'Unknown field.',
        })
      }
      const afterNumber =
        after === undefined
          ? 0
          : /^\d+$/.test(after)
            ? Number(after)
            : Number(decodeCursor(after)[0])
      const etag = `W/"${thread.version}-${afterNumber}-${limit}-${member?.id ?? 'guest'}"`
      res.setHeader('ETag', etag)
      res.setHeader('Cache-Control', 'private, no-cache')
      if (req.headers['if-none-match'] === etag) return ok(304)
      const all = [...posts.values()].filter((p) => p.threadId === thread.id)
      const rows = all.filter((p) => p.number > afterNumber).slice(0, Number(limit))
      const last = rows.at(-1)
      return ok(200, {
        items: rows.map((p) => postView(p, member)),
        nextCursor: encodeCursor([last ? last.number : afterNumber]),
        hasMore: rows.length === Number(limit) && (last?.number ?? 0) < all.length,
      })
    }
    if ((id = param(/^\/v1\/forum\/threads\/([^/]+)\/watch$/))) {
      const { member: m } = signedIn()
      const thread = findThread(id, m)
      const watchKey = `${thread.id} ${m.id}`
      if (req.method === 'PUT') {
        const { level } = bodyOf(req, ['level'])
        watches.set(watchKey, String(level))
      }
      return ok(200, { threadId: thread.id, level: watches.get(watchKey) ?? 'normal' })
    }
    // --- forum/member-routes.ts
    if ((id = param(/^\/v1\/forum\/posts\/([^/]+)$/))) {
      const { member: m } = signedIn()
      const post = findPost(id)
      if (post.authorId !== m.id) throw new ApiError(403, 'FORBIDDEN', 'You may not do that here.')
      if (req.method === 'PATCH') {
        post.source = String(bodyOf(req, ['body']).body)
        post.editedAt = clock++
      } else if (req.method === 'DELETE') post.deleted = true
      threads.get(post.threadId)!.version++
      return req.method === 'DELETE' ? ok(204) : ok(200, postView(post, m))
    }
    if ((id = param(/^\/v1\/forum\/posts\/([^/]+)\/like$/))) {
      const { member: m } = signedIn()
      const post = findPost(id)
      if (post.authorId === m.id) {
        throw new ApiError(403, 'OWN_POST', 'You cannot like or flag your own post.')
      }
      if (req.method === 'PUT') post.likes.add(m.id)
      else post.likes.delete(m.id)
      threads.get(post.threadId)!.version++
      return ok(200, { likeCount: post.likes.size, liked: req.method === 'PUT' })
    }
    if ((id = param(/^\/v1\/forum\/posts\/([^/]+)\/flags$/)) && req.method === 'POST') {
      const { member: m } = signedIn()
      const post = findPost(id)
      const body = bodyOf(req, ['reason', 'note?'])
      if (flags.some((f) => f.postId === post.id && f.memberId === m.id)) {
        throw new ApiError(409, 'ALREADY_FLAGGED', 'You already flagged this post.')
      }
      const flag = {
        id: newId('flg'),
        postId: post.id,
        memberId: m.id,
        reason: String(body.reason),
        note: (body.note as string | undefined) ?? null,
        status: 'open',
        createdAt: clock++,
      }
      flags.push(flag)
      const { memberId: _, ...view } = flag
      return ok(201, view)
    }
    // --- forum/moderation-routes.ts
    const logged = (action: string, targetId: string, reason: unknown) =>
      log.push({
        id: newId('mlog'),
        actorId: member!.id,
        action,
        targetId,
        reason: (reason as string | undefined) ?? null,
      })
    if ((id = param(/^\/v1\/forum\/moderation\/posts\/([^/]+)\/(?:hide|unhide)$/))) {
      const m = moderator()
      const hide = url.pathname.endsWith('/hide')
      const { reason } = bodyOf(req, [hide ? 'reason' : 'reason?'])
      const post = findPost(id)
      post.hidden = hide
      post.hiddenReason = hide ? String(reason) : null
      threads.get(post.threadId)!.version++
      logged(hide ? 'hide_post' : 'unhide_post', post.id, reason)
      return ok(200, postView(post, m))
    }
    const change = /^\/v1\/forum\/moderation\/threads\/([^/]+)\/([a-z-]+)$/.exec(url.pathname)
    if (change && req.method === 'POST') {
      const m = moderator()
      const thread = findThread(change[1], m)
      const action = change[2]!
      const body =
        action === 'move'
          ? bodyOf(req, ['category', 'reason?'])
          : action === 'slow-mode'
            ? bodyOf(req, ['seconds', 'reason?'])
            : req.body
              ? bodyOf(req, ['reason?'])
              : {}
      const flagsOf: Record<string, Partial<StoredThread>> = {
        hide: { hidden: true },
        unhide: { hidden: false },
        lock: { locked: true },
        unlock: { locked: false },
        pin: { pinned: true },
        unpin: { pinned: false },
      }
      if (action === 'move') {
        const to = categories.find((c) => c.slug === body.category)
        if (!to) throw new ApiError(404, 'CATEGORY_NOT_FOUND', 'No such category.')
        thread.categoryId = to.id
      } else if (action === 'slow-mode') thread.slowModeSeconds = Number(body.seconds)
      else if (flagsOf[action]) Object.assign(thread, flagsOf[action])
      else throw new ApiError(404, 'NOT_FOUND', 'No such resource.')
      thread.version++
      logged(`${action}_thread`, thread.id, body.reason)
      return ok(200, threadView(thread))
    }
    if ((id = param(/^\/v1\/forum\/moderation\/threads\/([^/]+)$/)) && req.method === 'DELETE') {
      moderator()
      const { reason } = bodyOf(req, ['reason'])
      const thread = findThread(id, member)
      threads.delete(thread.id)
      logged('delete_thread', thread.id, reason)
      return ok(204)
    }
    if ((id = param(/^\/v1\/forum\/moderation\/members\/([^/]+)\/suspend$/))) {
      moderator()
      const body = bodyOf(req, ['days?', 'until?', 'reason'])
      if ((body.days === undefined) === (body.until === undefined)) {
        throw new ApiError(422, 'VALIDATION_FAILED', 'Some fields are invalid.', {
          days: 'Give either days or until.',
        })
      }
      const target = members.get(id)
      if (!target)
        throw new ApiError(404, 'MEMBER_NOT_FOUND', 'This site has no member with that id.')
      target.status = 'suspended'
      target.suspendedUntil = (body.until as number) ?? clock + Number(body.days) * 86_400_000
      logged('suspend_member', target.id, body.reason)
      return ok(200, { id: target.id, status: 'suspended', suspendedUntil: target.suspendedUntil })
    }
    if ((id = param(/^\/v1\/forum\/moderation\/flags\/([^/]+)\/resolve$/))) {
      const m = moderator()
      const body = bodyOf(req, ['action', 'reason?', 'suspendDays?'])
      const open = flags.filter((f) => f.postId === id && f.status === 'open')
      if (open.length === 0) {
        throw new ApiError(409, 'NO_OPEN_FLAGS', 'This post has no open flags to resolve.')
      }
      for (const f of open) f.status = body.action === 'dismiss' ? 'dismissed' : 'actioned'
      const post = findPost(id)
      if (body.action === 'hide') post.hidden = true
      logged(`flags_${body.action}`, post.id, body.reason)
      return ok(200, {
        postId: post.id,
        action: body.action,
        flagsResolved: open.length,
        post: postView(post, m),
      })
    }
    throw new ApiError(404, 'NOT_FOUND', 'No such resource.')
  }

  const server = await startServer((req, res) => {
    if (options.route?.(req, res)) return
    try {
      handle(req, res)
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      json(res, error.status, {
        error: {
          code: error.code,
          message: error.message,
          ...(error.fields && { fields: error.fields }),
        },
      })
    }
  })

  return {
    ...server,
    members,
    sessions,
    threads,
    posts,
    flags,
    notifications,
    mail,
    log,
    /** Answers every request to `route` ("METHOD /path") with this error, until deleted. */
    failures,
    /** A member, verified unless told otherwise, with the password `correct horse battery`. */
    addMember(input: Partial<StoredMember> & { email: string }) {
      return createMember({ password: 'correct horse battery', emailVerified: true, ...input })
    },
    /** Ends a member's sessions behind the SDK's back, as an admin or another device would. */
    endSessions(memberId: string) {
      for (const [id, s] of sessions) if (s.memberId === memberId) sessions.delete(id)
    },
    /** The last email sent to `to`. */
    lastMail(to: string) {
      return mail.filter((m) => m.to === to).at(-1)
    },
  }
}
