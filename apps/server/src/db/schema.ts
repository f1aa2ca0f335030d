import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

// Times are integer milliseconds since the epoch (UTC): compact, sortable, and the same on
// every runtime. Ids are random and prefixed by type (see ids.ts).

export const sites = sqliteTable('sites', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** Safe to put in a page: it only identifies the site, and only works from its origins. */
  publishableKey: text('publishable_key').notNull().unique(),
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
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    deliveredAt: integer('delivered_at'),
  },
  (t) => [
    index('outbox_due').on(t.status, t.runAt),
    index('outbox_site').on(t.siteId, t.status, t.createdAt),
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

export const schema = { sites, siteOrigins, secretKeys, outbox, rateLimits }
