import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'

// Times are integer milliseconds since the epoch (UTC): compact, sortable, and the same on
// every runtime. Ids are random and prefixed by type (see ids.ts).

export const sites = sqliteTable('sites', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** Safe to put in a page: it only identifies the site, and only works from its origins. */
  publishableKey: text('publishable_key').notNull().unique(),
  /** HMAC key for what the server signs for this site: time tokens, proof-of-work challenges. */
  signingSecret: text('signing_secret').notNull().default(''),
  /** Membership settings (password minimum, session lifetimes, email link URLs); auth/settings.ts. */
  authSettings: text('auth_settings', { mode: 'json' }).notNull().default({}),
  /** Discussion settings (flag threshold, new-member limits, images, edit window); forum/settings.ts. */
  forumSettings: text('forum_settings', { mode: 'json' }).notNull().default({}),
  createdAt: integer('created_at').notNull(),
})

export const siteOrigins = sqliteTable(
  'site_origins',
  {
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    /** Serialized origin, `scheme://host[:port]`, lower-case, no trailing slash. */
    origin: text('origin').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.origin] }), index('site_origins_origin').on(t.origin)],
)

export const secretKeys = sqliteTable(
  'secret_keys',
  {
    /** The public half of `sk_<id>_<secret>`: a lookup key, safe to list and log. */
    id: text('id').primaryKey(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    /** SHA-256 of the secret half, hex. The key itself is shown once and never stored. */
    secretHash: text('secret_hash').notNull(),
    createdAt: integer('created_at').notNull(),
    lastUsedAt: integer('last_used_at'),
    revokedAt: integer('revoked_at'),
  },
  (t) => [index('secret_keys_site').on(t.siteId)],
)

export const outbox = sqliteTable(
  'outbox',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    payload: text('payload', { mode: 'json' }).notNull(),
    status: text('status', { enum: ['pending', 'sending', 'delivered', 'dead'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    /** When the job is next due; moved forward by the backoff after each failed attempt. */
    runAt: integer('run_at').notNull(),
    /** A claimed job whose worker died is claimable again once this lease has passed. */
    leaseUntil: integer('lease_until'),
    lastError: text('last_error'),
    /**
     * What the delivery is about, for listing it with its subject: `form:<formId>` for a form's
     * notifications and webhooks (the form's delivery log). Null for the rest.
     */
    topic: text('topic'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    deliveredAt: integer('delivered_at'),
  },
  (t) => [
    index('outbox_due').on(t.status, t.runAt),
    index('outbox_site').on(t.siteId, t.status, t.createdAt),
    index('outbox_topic').on(t.siteId, t.topic, t.createdAt, t.id),
  ],
)

export const rateLimits = sqliteTable(
  'rate_limits',
  {
    /** Empty for limits that span the whole deployment (per IP before a site is known). */
    siteId: text('site_id').notNull().default(''),
    bucket: text('bucket').notNull(),
    windowStart: integer('window_start').notNull(),
    count: integer('count').notNull(),
    /** The count of the window before `window_start`, for the sliding-window estimate. */
    previousCount: integer('previous_count').notNull().default(0),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.siteId, t.bucket] }),
    index('rate_limits_expiry').on(t.expiresAt),
  ],
)

export const forms = sqliteTable(
  'forms',
  {
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    /** The owner's slug, unique per site, e.g. `contact`. */
    id: text('id').notNull(),
    name: text('name').notNull(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    /** Field rules, notifications, redirect and spam settings; validated by contact/schemas.ts. */
    settings: text('settings', { mode: 'json' }).notNull(),
    /** Signs webhook deliveries (Standard Webhooks); the receiver needs it, so it cannot be hashed. */
    webhookSecret: text('webhook_secret').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.id] })],
)

export const submissions = sqliteTable(
  'submissions',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    formId: text('form_id').notNull(),
    status: text('status', { enum: ['new', 'read', 'spam', 'archived'] }).notNull(),
    /** The submitted fields, normalised, in the order they were sent. */
    data: text('data', { mode: 'json' }).notNull(),
    /** Why the spam filter marked it (`honeypot`, `too_fast`, …); empty when it did not. */
    spamReasons: text('spam_reasons', { mode: 'json' }).notNull(),
    /** The submitter's address when a field named `email` held one: reply-to and search. */
    email: text('email'),
    /** The signed-in member who sent it, if any: included in their data export. */
    memberId: text('member_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    /** Hash of the form and its fields, to spot a repeat of a recent submission. */
    contentHash: text('content_hash').notNull(),
    /** Set once the owner's notification was queued; spam gets it when marked as not spam. */
    notifiedAt: integer('notified_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('submissions_site_created').on(t.siteId, t.createdAt, t.id),
    index('submissions_site_form_status').on(t.siteId, t.formId, t.status, t.createdAt),
    index('submissions_site_hash').on(t.siteId, t.contentHash, t.createdAt),
    // The owner's overview: spam caught per day reads the spam alone, not every submission.
    index('submissions_site_spam').on(t.siteId, t.createdAt).where(sql`${t.spamReasons} <> '[]'`),
    // Retention: spam past its days in the spam folder, across every site (maintenance/).
    index('submissions_status_updated').on(t.status, t.updatedAt),
  ],
)

/** Single-use values already accepted (proof-of-work solutions), kept until they expire. */
export const spentTokens = sqliteTable(
  'spent_tokens',
  {
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.siteId, t.tokenHash] }),
    index('spent_tokens_expiry').on(t.expiresAt),
  ],
)

export const members = sqliteTable(
  'members',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    /** Normalised (trimmed, NFC, lower-cased); unique per site. */
    email: text('email').notNull(),
    emailVerifiedAt: integer('email_verified_at'),
    /**
     * `$scrypt$ln=…,r=…,p=…$salt$hash`: parameters travel with the hash so they can change.
     * Empty for a member who never set a password (joined by link, passkey or provider): no
     * password verifies against it (auth/password.ts).
     */
    passwordHash: text('password_hash').notNull(),
    displayName: text('display_name').notNull(),
    /** For mentions; unique per site, compared lower-cased. */
    username: text('username'),
    usernameKey: text('username_key'),
    avatarUrl: text('avatar_url'),
    bio: text('bio'),
    role: text('role', { enum: ['member', 'moderator', 'admin'] })
      .notNull()
      .default('member'),
    status: text('status', { enum: ['active', 'suspended', 'banned'] })
      .notNull()
      .default('active'),
    suspendedUntil: integer('suspended_until'),
    /** Notification preferences (email on replies, mentions…); forum/preferences.ts. */
    preferences: text('preferences', { mode: 'json' }).notNull().default({}),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('members_site_email').on(t.siteId, t.email),
    uniqueIndex('members_site_username').on(t.siteId, t.usernameKey),
    index('members_site_created').on(t.siteId, t.createdAt),
  ],
)

export const sessions = sqliteTable(
  'sessions',
  {
    /** The public half of the token `<id>.<secret>`: a random lookup key. */
    id: text('id').primaryKey(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    /** SHA-256 of the secret half, hex; compared in constant time. */
    secretHash: text('secret_hash').notNull(),
    transport: text('transport', { enum: ['bearer', 'cookie'] }).notNull(),
    createdAt: integer('created_at').notNull(),
    /** Written at most hourly, so reading a session is not a write. */
    lastUsedAt: integer('last_used_at').notNull(),
    userAgent: text('user_agent'),
    ip: text('ip'),
  },
  (t) => [
    index('sessions_member').on(t.siteId, t.memberId),
    // Retention: sessions past their site's inactivity timeout, or its absolute lifetime.
    index('sessions_site_last_used').on(t.siteId, t.lastUsedAt),
    index('sessions_site_created').on(t.siteId, t.createdAt),
  ],
)

/** Single-use tokens mailed to members: email verification, password reset, email change, sign-in. */
export const memberTokens = sqliteTable(
  'member_tokens',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    purpose: text('purpose', {
      enum: ['verify_email', 'reset_password', 'change_email', 'sign_in'],
    }).notNull(),
    secretHash: text('secret_hash').notNull(),
    /** The address being confirmed, for `change_email`. */
    newEmail: text('new_email'),
    /**
     * For `sign_in`: SHA-256 of the value the asking browser holds (auth/sign-in-link.ts), so
     * the link signs in only the browser that asked for it.
     */
    browserHash: text('browser_hash'),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
  },
  (t) => [
    index('member_tokens_member').on(t.siteId, t.memberId, t.purpose),
    // Retention: links that expired or were used.
    index('member_tokens_expiry').on(t.expiresAt),
    index('member_tokens_used').on(t.usedAt),
  ],
)

/**
 * A member's TOTP (auth/totp-*.ts), apart from `members` so the key is read only where a code
 * is checked. `pendingSecret` is a key being set up; `secret` the one in force since
 * `enabledAt`; `lastStep` the time step of the last code accepted, so no code works twice.
 */
export const memberTotp = sqliteTable(
  'member_totp',
  {
    memberId: text('member_id')
      .primaryKey()
      .references(() => members.id, { onDelete: 'cascade' }),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    secret: text('secret'),
    pendingSecret: text('pending_secret'),
    enabledAt: integer('enabled_at'),
    lastStep: integer('last_step'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('member_totp_site').on(t.siteId)],
)

/** Single-use stand-ins for a member's authenticator app; only SHA-256 of each is kept. */
export const memberRecoveryCodes = sqliteTable(
  'member_recovery_codes',
  {
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    createdAt: integer('created_at').notNull(),
    usedAt: integer('used_at'),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.codeHash] })],
)

/**
 * The step between a first factor (password or emailed link) and the TOTP code: `<id>.<secret>`
 * like sessions, only the secret's SHA-256 kept; short-lived, a few wrong codes, used once.
 */
export const memberSignInChallenges = sqliteTable(
  'member_sign_in_challenges',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    secretHash: text('secret_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [
    index('member_sign_in_challenges_member').on(t.siteId, t.memberId),
    index('member_sign_in_challenges_expiry').on(t.expiresAt),
  ],
)

/**
 * A member's passkeys (auth/passkey-*.ts): WebAuthn credentials with attestation `none`.
 * `credentialId` is the authenticator's id (base64url), unique per site; `publicKey` its
 * public key; `signCount` the last counter seen, so a cloned authenticator is noticed.
 */
export const memberPasskeys = sqliteTable(
  'member_passkeys',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    credentialId: text('credential_id').notNull(),
    /** SEC1 (ES256) or PKCS#1 (RS256) public key, base64url, as taken from the COSE key. */
    publicKey: text('public_key').notNull(),
    /** COSE algorithm: -7 (ES256) or -257 (RS256). */
    algorithm: integer('algorithm').notNull(),
    signCount: integer('sign_count').notNull().default(0),
    /** The member's label ("Work laptop"); defaults to the authenticator's kind. */
    name: text('name').notNull(),
    /** The RP id it was made for; a passkey only signs in where that id applies. */
    relyingPartyId: text('relying_party_id').notNull(),
    transports: text('transports', { mode: 'json' }).$type<string[]>().notNull().default([]),
    createdAt: integer('created_at').notNull(),
    lastUsedAt: integer('last_used_at'),
  },
  (t) => [
    uniqueIndex('member_passkeys_site_credential').on(t.siteId, t.credentialId),
    index('member_passkeys_member').on(t.siteId, t.memberId),
  ],
)

/**
 * WebAuthn challenges waiting for their answer: only the SHA-256 of the challenge is kept (its
 * id), taken once, for a few minutes. `memberId` is set when a signed-in member adds a passkey.
 */
export const passkeyChallenges = sqliteTable(
  'passkey_challenges',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    memberId: text('member_id').references(() => members.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['register', 'sign_in'] }).notNull(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('passkey_challenges_expiry').on(t.expiresAt)],
)

/**
 * "Sign in with …" providers an owner set up for a site (auth/oauth-*.ts). `kind` picks the
 * preset (or `oidc`: any OpenID provider by `issuer`). The client secret is sent to the provider,
 * so it cannot be hashed; it is never returned by the API once saved.
 */
export const signInProviders = sqliteTable(
  'sign_in_providers',
  {
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    /** Short name in URLs and the SDK (`github`, `corp-sso`); unique per site. */
    id: text('id').notNull(),
    kind: text('kind', { enum: ['github', 'google', 'microsoft', 'apple', 'oidc'] }).notNull(),
    displayName: text('display_name').notNull(),
    clientId: text('client_id').notNull(),
    clientSecret: text('client_secret').notNull().default(''),
    /** `oidc`: the issuer URL; `microsoft`: the tenant (`common`, `organizations`, an id). */
    issuer: text('issuer'),
    /** `apple`: `{ teamId, keyId, privateKey }` (the key that signs Apple's client secret). */
    options: text('options', { mode: 'json' })
      .$type<Record<string, string>>()
      .notNull()
      .default({}),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.id] })],
)

/** Which provider accounts sign in as which member: `subject` is the provider's stable user id. */
export const memberIdentities = sqliteTable(
  'member_identities',
  {
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    providerId: text('provider_id').notNull(),
    subject: text('subject').notNull(),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    /** The address the provider gave when linked, shown to the member beside the provider. */
    email: text('email'),
    createdAt: integer('created_at').notNull(),
    lastUsedAt: integer('last_used_at'),
  },
  (t) => [
    primaryKey({ columns: [t.siteId, t.providerId, t.subject] }),
    index('member_identities_member').on(t.siteId, t.memberId),
  ],
)

/**
 * A sign-in with a provider in flight: from the redirect to the provider until the page takes
 * its session. `id` is the SHA-256 of `state`; PKCE verifier and nonce are kept for the callback;
 * `browserHash` binds the result to the browser that started it (like sign-in links);
 * `grantHash` is set once the provider answered: the single-use grant the page exchanges.
 */
export const oauthFlows = sqliteTable(
  'oauth_flows',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    providerId: text('provider_id').notNull(),
    purpose: text('purpose', { enum: ['sign_in', 'link'] }).notNull(),
    /** For `link`: the signed-in member adding the provider. For a finished sign-in: who it is. */
    memberId: text('member_id').references(() => members.id, { onDelete: 'cascade' }),
    codeVerifier: text('code_verifier').notNull(),
    nonce: text('nonce').notNull(),
    browserHash: text('browser_hash').notNull(),
    returnTo: text('return_to').notNull(),
    grantHash: text('grant_hash'),
    /**
     * Once answered: who the provider says the member is (auth/oauth-identity.ts), kept here
     * rather than in the grant so the member's address never travels in a URL.
     */
    identity: text('identity', { mode: 'json' }).$type<Record<string, unknown>>(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('oauth_flows_grant').on(t.grantHash), index('oauth_flows_expiry').on(t.expiresAt)],
)

// Discussions. Counters (post count, last activity, like count) are kept in the row they count
// and updated in the same batch as the change, so lists never need an aggregate.

export const categories = sqliteTable(
  'categories',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    position: integer('position').notNull().default(0),
    /** Who may read: `everyone` (guests too) or signed-in `members`. */
    readAccess: text('read_access', { enum: ['everyone', 'members'] })
      .notNull()
      .default('everyone'),
    /** Who may start threads; anyone who may read may reply unless the thread is locked. */
    threadAccess: text('thread_access', { enum: ['members', 'moderators'] })
      .notNull()
      .default('members'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('categories_site_slug').on(t.siteId, t.slug)],
)

export const threads = sqliteTable(
  'threads',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    categoryId: text('category_id')
      .notNull()
      .references(() => categories.id, { onDelete: 'cascade' }),
    /** `null` once the author deleted their account ("deleted member"). */
    authorId: text('author_id').references(() => members.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    pinned: integer('pinned', { mode: 'boolean' }).notNull().default(false),
    locked: integer('locked', { mode: 'boolean' }).notNull().default(false),
    hidden: integer('hidden', { mode: 'boolean' }).notNull().default(false),
    /** Seconds a member must wait between posts in this thread; 0 is off. */
    slowModeSeconds: integer('slow_mode_seconds').notNull().default(0),
    postCount: integer('post_count').notNull().default(0),
    lastPostId: text('last_post_id'),
    /** Bumped by every change to the thread or its posts: the posts list's ETag. */
    version: integer('version').notNull().default(0),
    lastActivityAt: integer('last_activity_at').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    // The thread list: pinned first, then most recent activity, id as the tie-breaker.
    index('threads_listing').on(t.siteId, t.categoryId, t.pinned, t.lastActivityAt, t.id),
    index('threads_author').on(t.siteId, t.authorId),
  ],
)

export const posts = sqliteTable(
  'posts',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    threadId: text('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    /** Position in the thread, 1 for the opening post: the stable key for pagination. */
    number: integer('number').notNull(),
    authorId: text('author_id').references(() => members.id, { onDelete: 'set null' }),
    replyToId: text('reply_to_id'),
    quoteOfId: text('quote_of_id'),
    /** The markdown as written, and the HTML rendered from it at write time (reads serve this). */
    bodySource: text('body_source').notNull(),
    bodyHtml: text('body_html').notNull(),
    hidden: integer('hidden', { mode: 'boolean' }).notNull().default(false),
    /** Why a moderator or the flag threshold hid it. */
    hiddenReason: text('hidden_reason'),
    /** Soft delete: the post shows as "[deleted]" so the thread stays readable. */
    deletedAt: integer('deleted_at'),
    editedAt: integer('edited_at'),
    likeCount: integer('like_count').notNull().default(0),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('posts_thread_number').on(t.siteId, t.threadId, t.number),
    index('posts_author').on(t.siteId, t.authorId, t.createdAt),
    // The owner's overview: posts per day over a range of days.
    index('posts_site_created').on(t.siteId, t.createdAt),
    // Hidden posts waiting for a decision, for the console's list of them: few among many.
    index('posts_site_hidden')
      .on(t.siteId, t.createdAt)
      .where(sql`${t.hidden} = 1 AND ${t.deletedAt} IS NULL`),
  ],
)

export const postRevisions = sqliteTable(
  'post_revisions',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    postId: text('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    editorId: text('editor_id').references(() => members.id, { onDelete: 'set null' }),
    /** The body as it was before this edit. */
    bodySource: text('body_source').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('post_revisions_post').on(t.siteId, t.postId, t.createdAt)],
)

export const reactions = sqliteTable(
  'reactions',
  {
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    postId: text('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.postId, t.memberId] }),
    index('reactions_site').on(t.siteId, t.memberId),
  ],
)

export const flags = sqliteTable(
  'flags',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    postId: text('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    memberId: text('member_id').references(() => members.id, { onDelete: 'set null' }),
    reason: text('reason').notNull(),
    /** What the flagging member added in their own words. */
    note: text('note'),
    status: text('status', { enum: ['open', 'dismissed', 'actioned'] })
      .notNull()
      .default('open'),
    resolvedBy: text('resolved_by'),
    resolvedAt: integer('resolved_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('flags_post_member').on(t.postId, t.memberId),
    index('flags_queue').on(t.siteId, t.status, t.createdAt),
  ],
)

/** Who did what, when and why: every moderation action, kept when members leave. */
export const moderationLog = sqliteTable(
  'moderation_log',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    targetType: text('target_type', {
      enum: ['post', 'thread', 'member', 'category', 'flag'],
    }).notNull(),
    targetId: text('target_id').notNull(),
    reason: text('reason'),
    details: text('details', { mode: 'json' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('moderation_log_site').on(t.siteId, t.createdAt)],
)

export const watches = sqliteTable(
  'watches',
  {
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    threadId: text('thread_id')
      .notNull()
      .references(() => threads.id, { onDelete: 'cascade' }),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    level: text('level', { enum: ['watching', 'normal', 'muted'] }).notNull(),
    /** When this member was last emailed about this thread, for one email per quiet period. */
    lastEmailedAt: integer('last_emailed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.threadId, t.memberId] }),
    index('watches_member').on(t.siteId, t.memberId),
  ],
)

export const notifications = sqliteTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    memberId: text('member_id')
      .notNull()
      .references(() => members.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['reply', 'mention', 'quote', 'like', 'moderation'] }).notNull(),
    threadId: text('thread_id'),
    postId: text('post_id'),
    actorId: text('actor_id'),
    /** Kind-specific details, e.g. how many likes a batched notification stands for. */
    data: text('data', { mode: 'json' }),
    readAt: integer('read_at'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('notifications_member').on(t.siteId, t.memberId, t.readAt, t.createdAt),
    // Retention: notifications read long enough ago.
    index('notifications_read').on(t.readAt),
  ],
)

// Operators: accounts of the deployment (not of a site's member base) who sign in to the owner
// console, each with a role per site. Their rows span sites, so they carry no site_id of their own.

export const operators = sqliteTable(
  'operators',
  {
    id: text('id').primaryKey(),
    /** Normalised (trimmed, NFC, lower-cased): the case-insensitive key, unique in the deployment. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** `$scrypt$…`, the members' hasher (auth/password.ts). */
    passwordHash: text('password_hash').notNull(),
    /**
     * The TOTP key, base32. Stored plainly: codes are checked against it, so it cannot be hashed,
     * and the deployment has no key an attacker who reads the database would not also have
     * (docs/security.md).
     */
    totpSecret: text('totp_secret'),
    /** A key shown for setup, in force only once a code from it is confirmed. */
    totpPendingSecret: text('totp_pending_secret'),
    totpEnabledAt: integer('totp_enabled_at'),
    /** The last time step a code was accepted for: a code works once, never replayed. */
    totpLastStep: integer('totp_last_step'),
    /** A deployment admin: may create sites and see the deployment's backups. */
    admin: integer('admin', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    lastSignInAt: integer('last_sign_in_at'),
  },
  (t) => [uniqueIndex('operators_email').on(t.email)],
)

/** Ten per operator, each good for one sign-in; only a SHA-256 of each is stored. */
export const operatorRecoveryCodes = sqliteTable(
  'operator_recovery_codes',
  {
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    createdAt: integer('created_at').notNull(),
    usedAt: integer('used_at'),
  },
  (t) => [primaryKey({ columns: [t.operatorId, t.codeHash] })],
)

/** The members' session design (Lucia): `<id>.<secret>`, only a SHA-256 of the secret stored. */
export const operatorSessions = sqliteTable(
  'operator_sessions',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'cascade' }),
    secretHash: text('secret_hash').notNull(),
    createdAt: integer('created_at').notNull(),
    lastUsedAt: integer('last_used_at').notNull(),
    userAgent: text('user_agent'),
    ip: text('ip'),
  },
  (t) => [
    index('operator_sessions_operator').on(t.operatorId),
    index('operator_sessions_last_used').on(t.lastUsedAt),
  ],
)

/** Password proven, TOTP code still to come: a short-lived token for the second step. */
export const operatorChallenges = sqliteTable(
  'operator_challenges',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'cascade' }),
    secretHash: text('secret_hash').notNull(),
    /** Wrong codes tried with it; a few and the password must be given again. */
    attempts: integer('attempts').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('operator_challenges_expiry').on(t.expiresAt)],
)

export const operatorSites = sqliteTable(
  'operator_sites',
  {
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id, { onDelete: 'cascade' }),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['owner', 'editor', 'moderator', 'viewer'] }).notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.operatorId, t.siteId] }),
    index('operator_sites_site').on(t.siteId, t.role),
  ],
)

/** An emailed invitation to a role on a site; the link's token is stored as a hash. */
export const operatorInvites = sqliteTable(
  'operator_invites',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id')
      .notNull()
      .references(() => sites.id, { onDelete: 'cascade' }),
    secretHash: text('secret_hash').notNull(),
    /** Normalised like `operators.email`: only that address's operator may accept. */
    email: text('email').notNull(),
    role: text('role', { enum: ['owner', 'editor', 'moderator', 'viewer'] }).notNull(),
    invitedBy: text('invited_by').references(() => operators.id, { onDelete: 'set null' }),
    /** Who invited, as the invitee is told: the operator's name, or a secret key's hint. */
    invitedByLabel: text('invited_by_label').notNull(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    acceptedAt: integer('accepted_at'),
  },
  (t) => [
    index('operator_invites_site').on(t.siteId, t.email),
    index('operator_invites_expiry').on(t.expiresAt),
  ],
)

/**
 * Every change made through the owner API and the console, and every operator sign-in: who,
 * what, where, when, from which address. `site_id` is null for the deployment's own events.
 * Never holds passwords, tokens, secrets or key material.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    siteId: text('site_id').references(() => sites.id, { onDelete: 'cascade' }),
    actorType: text('actor_type', { enum: ['operator', 'key', 'cli'] }).notNull(),
    /** The operator's or the secret key's id; null for the CLI and unknown sign-in emails. */
    actorId: text('actor_id'),
    /** The operator's email, or the key's hint, as it was then. */
    actorLabel: text('actor_label').notNull(),
    /** `METHOD /template` of the route, or the CLI command. */
    action: text('action').notNull(),
    /** The route's path parameters (`{"formId": "contact"}`). */
    target: text('target', { mode: 'json' }),
    /** In words: the route's summary ("Rotate the publishable key"). */
    summary: text('summary').notNull(),
    details: text('details', { mode: 'json' }),
    ip: text('ip'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('audit_log_site').on(t.siteId, t.createdAt, t.id),
    index('audit_log_actor').on(t.siteId, t.actorId, t.createdAt),
  ],
)

export const schema = {
  sites,
  siteOrigins,
  secretKeys,
  outbox,
  rateLimits,
  forms,
  submissions,
  spentTokens,
  members,
  sessions,
  memberTokens,
  memberTotp,
  memberRecoveryCodes,
  memberSignInChallenges,
  memberPasskeys,
  passkeyChallenges,
  signInProviders,
  memberIdentities,
  oauthFlows,
  categories,
  threads,
  posts,
  postRevisions,
  reactions,
  flags,
  moderationLog,
  watches,
  notifications,
  operators,
  operatorRecoveryCodes,
  operatorSessions,
  operatorChallenges,
  operatorSites,
  operatorInvites,
  auditLog,
}
