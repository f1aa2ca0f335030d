import { apiPath, type CallOptions, type RequestFunction, type RequestOptions } from './core.ts'
import { type ClientOptions, type Connection, connect } from './session.ts'

/**
 * A member as others see them next to a post or thread.
 *
 * @example
 * const { displayName, avatarUrl }: Author = post.author!
 */
export interface Author {
  id: string
  displayName: string | null
  username: string | null
  avatarUrl: string | null
}

/**
 * A forum category.
 *
 * @example
 * const [general]: Category[] = await forum.categories()
 */
export interface Category {
  id: string
  slug: string
  name: string
  description: string
  position: number
  /** Who may read: `everyone` (guests too) or signed-in `members`. */
  readAccess: 'everyone' | 'members'
  /** Who may start threads. */
  threadAccess: 'members' | 'moderators'
  createdAt: number
  updatedAt: number
}

/**
 * A thread as lists show it. Times are milliseconds since the epoch.
 *
 * @example
 * const { items }: Page<Thread> = await forum.threads('general')
 */
export interface Thread {
  /** `thr_…`. */
  id: string
  categoryId: string
  title: string
  author: Author | null
  pinned: boolean
  locked: boolean
  /** Only moderators see hidden threads. */
  hidden: boolean
  /** Seconds a member waits between posts in the thread; 0 when off. */
  slowModeSeconds: number
  postCount: number
  lastActivityAt: number
  createdAt: number
}

/**
 * A post. `html` is rendered and sanitised by the server: safe to insert as HTML.
 *
 * @example
 * list.insertAdjacentHTML('beforeend', post.html)
 */
export interface Post {
  /** `pst_…`. */
  id: string
  threadId: string
  /** 1 for the opening post, then in order. */
  number: number
  /** `null` once deleted. */
  author: Author | null
  replyToId: string | null
  quoteOfId: string | null
  /** `<p>[deleted]</p>` or `<p>[hidden by a moderator]</p>` in place of removed content. */
  html: string
  /** The markdown, for its author and moderators to edit. */
  source?: string
  hidden: boolean
  /** For moderators. */
  hiddenReason?: string | null
  deleted: boolean
  edited: boolean
  editedAt: number | null
  likeCount: number
  /** Whether the signed-in reader liked it; absent for guests. */
  liked?: boolean
  createdAt: number
}

/**
 * One page of a list. Pass `nextCursor` back as `cursor` for the next; `null` at the end.
 *
 * @example
 * const page: Page<Thread> = await forum.threads('general', { cursor })
 */
export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

/**
 * A page of posts, from {@link Forum.posts}.
 *
 * @example
 * const { items, nextCursor, notModified }: PostPage = await forum.posts(threadId, { after })
 */
export interface PostPage {
  items: Post[]
  /** Always set, on the last page too: poll with it to pick up new posts. */
  nextCursor: string
  hasMore: boolean
  /** `true` when the server answered 304 and this is the page it sent before. */
  notModified: boolean
}

/**
 * A search hit. `snippet` is escaped HTML with the matches in `<mark>`.
 *
 * @example
 * const { items }: Page<SearchResult> = await forum.search('ferns')
 */
export interface SearchResult {
  threadId: string
  threadTitle: string
  postId: string
  postNumber: number
  category: { slug: string; name: string }
  author: Author | null
  snippet: string
  createdAt: number
}

/**
 * Why a post is flagged.
 *
 * @example
 * const reason: FlagReason = 'spam'
 */
export type FlagReason = 'spam' | 'abuse' | 'off_topic' | 'other'

/**
 * A flag as its author sees it.
 *
 * @example
 * const flag: Flag = await forum.flag(postId, 'spam')
 */
export interface Flag {
  id: string
  postId: string
  reason: FlagReason
  note: string | null
  status: 'open' | 'dismissed' | 'actioned'
  createdAt: number
}

/**
 * How closely a member follows a thread: `watching` notifies of every reply, `normal` of
 * mentions and replies to them, `muted` of nothing.
 *
 * @example
 * await forum.watch(threadId, 'muted')
 */
export type WatchLevel = 'watching' | 'normal' | 'muted'

/**
 * Options of paged lists.
 *
 * @example
 * await forum.threads('general', { cursor: page.nextCursor, limit: 50 })
 */
export interface PageOptions extends CallOptions {
  /** `nextCursor` of the previous page. */
  cursor?: string | null
  limit?: number
}

/**
 * Member discussions: reading, posting, reactions, flags, watches and search. Made by
 * {@link createForum}, or found at `client.forum`. Every method also takes `{ signal, headers }`
 * last.
 *
 * Errors any method may throw besides its own: `INVALID_SESSION` (401, the session is then
 * forgotten), `SIGN_IN_REQUIRED` (401) for writes by a guest, `RATE_LIMITED` (429),
 * `VALIDATION_FAILED` (422, with `fields`), and the SDK's `NETWORK_ERROR`, `TIMEOUT`, `ABORTED`.
 *
 * @example
 * const forum = createForum({ url: 'https://api.example.com', key: 'pk_…' })
 * const { items } = await forum.threads('general')
 */
export interface Forum {
  /**
   * The categories the reader may see, by position.
   *
   * @throws {PorchlightError} only the common errors listed on {@link Forum}.
   * @example
   * const categories = await forum.categories()
   */
  categories(options?: CallOptions): Promise<Category[]>
  /**
   * A page of a category's threads: pinned first, then by last activity.
   *
   * @throws {PorchlightError} `CATEGORY_NOT_FOUND` (404, also for one the reader may not see);
   *   `INVALID_CURSOR` (400).
   * @example
   * const { items, nextCursor } = await forum.threads('general', { cursor })
   */
  threads(category: string, options?: PageOptions): Promise<Page<Thread>>
  /**
   * One thread with its category.
   *
   * @throws {PorchlightError} `THREAD_NOT_FOUND` (404, also for one the reader may not see).
   * @example
   * const { title, category } = await forum.thread(threadId)
   */
  thread(id: string, options?: CallOptions): Promise<Thread & { category: Category }>
  /**
   * A page of a thread's posts, oldest first, after `cursor` (a `nextCursor`) or `after` (a post
   * number). Cheap to poll: the page's `ETag` is kept, sent back as `If-None-Match`, and a
   * `304` answer resolves to the page kept, with `notModified: true`.
   *
   * @throws {PorchlightError} `THREAD_NOT_FOUND` (404); `INVALID_CURSOR` (400).
   * @example
   * let page = await forum.posts(threadId)
   * setInterval(async () => {
   *   const next = await forum.posts(threadId, { cursor: page.nextCursor })
   *   if (!next.notModified) append(next.items)
   * }, 10_000)
   */
  posts(threadId: string, options?: PageOptions & { after?: number | string }): Promise<PostPage>
  /**
   * Starts a thread; the body is markdown. Returns the ids of the thread and its first post, and
   * that post as lists show it (rendered), so a page can show it at once.
   *
   * @throws {PorchlightError} `CATEGORY_NOT_FOUND` (404); `FORBIDDEN` (403) where only moderators
   *   start threads; `EMAIL_NOT_VERIFIED`, `ACCOUNT_SUSPENDED` (403); `NEW_MEMBER_LIMIT` (429).
   * @example
   * const { id } = await forum.createThread({ category: 'general', title: 'Hello', body: 'Hi all' })
   */
  createThread(
    input: { category: string; title: string; body: string },
    options?: CallOptions,
  ): Promise<{ id: string; postId: string; post: Post }>
  /**
   * Renders a draft as the server would render the post, for a composer's preview; stores
   * nothing.
   *
   * @throws {PorchlightError} `SIGN_IN_REQUIRED` (401); `RATE_LIMITED` (429).
   * @example
   * preview.innerHTML = (await forum.preview(draft)).html // server-rendered, inert
   */
  preview(body: string, options?: CallOptions): Promise<{ html: string }>
  /**
   * Replies in a thread; the body is markdown, `replyTo` a post of the thread.
   *
   * @throws {PorchlightError} `THREAD_NOT_FOUND` (404); `THREAD_LOCKED`, `EMAIL_NOT_VERIFIED`,
   *   `ACCOUNT_SUSPENDED` (403); `SLOW_MODE`, `NEW_MEMBER_LIMIT` (429, with `retryAfter`).
   * @example
   * const { id, number } = await forum.post(threadId, { body: 'Agreed!', replyTo: postId })
   */
  post(
    threadId: string,
    input: { body: string; replyTo?: string },
    options?: CallOptions,
  ): Promise<{ id: string; number: number; post: Post }>
  /**
   * Replaces a post's markdown (a revision is kept) and returns the post.
   *
   * @throws {PorchlightError} `POST_NOT_FOUND` (404); `FORBIDDEN`, `EDIT_WINDOW_CLOSED` (403);
   *   `POST_DELETED`, `POST_HIDDEN` (409).
   * @example
   * const post = await forum.edit(postId, 'Fixed a typo')
   */
  edit(postId: string, body: string, options?: CallOptions): Promise<Post>
  /**
   * Deletes a post: it stays in the thread as "[deleted]".
   *
   * @throws {PorchlightError} `POST_NOT_FOUND` (404); `FORBIDDEN` (403).
   * @example
   * await forum.delete(postId)
   */
  delete(postId: string, options?: CallOptions): Promise<void>
  /**
   * Likes a post (once per member; again is no error).
   *
   * @throws {PorchlightError} `POST_NOT_FOUND` (404); `OWN_POST` (403).
   * @example
   * const { likeCount } = await forum.like(postId)
   */
  like(postId: string, options?: CallOptions): Promise<{ likeCount: number; liked: boolean }>
  /**
   * Takes a like back.
   *
   * @throws {PorchlightError} `POST_NOT_FOUND` (404).
   * @example
   * const { likeCount } = await forum.unlike(postId)
   */
  unlike(postId: string, options?: CallOptions): Promise<{ likeCount: number; liked: boolean }>
  /**
   * Flags a post for the moderators, with an optional note (at most 500 characters).
   *
   * @throws {PorchlightError} `POST_NOT_FOUND` (404); `OWN_POST` (403); `ALREADY_FLAGGED` (409).
   * @example
   * await forum.flag(postId, 'spam', 'Same link in every thread')
   */
  flag(postId: string, reason: FlagReason, note?: string, options?: CallOptions): Promise<Flag>
  /**
   * The signed-in member's watch level for a thread.
   *
   * @throws {PorchlightError} `THREAD_NOT_FOUND` (404); `SIGN_IN_REQUIRED` (401).
   * @example
   * const level = await forum.watchLevel(threadId)
   */
  watchLevel(threadId: string, options?: CallOptions): Promise<WatchLevel>
  /**
   * Sets how closely the signed-in member follows a thread.
   *
   * @throws {PorchlightError} `THREAD_NOT_FOUND` (404); `SIGN_IN_REQUIRED` (401).
   * @example
   * await forum.watch(threadId, 'watching')
   */
  watch(threadId: string, level: WatchLevel, options?: CallOptions): Promise<void>
  /**
   * Searches thread titles and posts the reader may see, best match first.
   *
   * @throws {PorchlightError} `INVALID_CURSOR` (400); `RATE_LIMITED` (429).
   * @example
   * const { items } = await forum.search('fern spores')
   */
  search(query: string, options?: PageOptions): Promise<Page<SearchResult>>
}

/**
 * Fetches one page of a list with `cursor` and `limit` in the query, and any more of `query`.
 * Internal: shared by the forum, notifications and moderation.
 *
 * @throws {PorchlightError} as the request function does.
 * @example
 * const page = await requestPage<Thread>(request, '/v1/forum/search', { limit: 5 }, { q: 'ferns' })
 */
export const requestPage = <T>(
  request: RequestFunction,
  path: string,
  { cursor, limit, ...options }: PageOptions = {},
  query?: RequestOptions['query'],
) => request<Page<T>>('GET', path, { ...options, query: { ...query, cursor, limit } })

/** Pages of posts kept for `If-None-Match`; past this many, the oldest is dropped. */
const keptPages = 50

/**
 * Creates the forum API on its own, from options or from a {@link Connection} (a client, or
 * `createAuth`'s object) whose session it then shares. A page that only shows discussions
 * bundles only this, the session and the request core.
 *
 * @throws Nothing itself; see {@link Forum} for what its methods throw.
 * @example
 * import { createAuth, createForum } from '@porchlight/sdk'
 * const auth = createAuth({ url: 'https://api.example.com', key: 'pk_…' })
 * const forum = createForum(auth)
 * const { items } = await forum.posts('thr_…')
 */
export function createForum(source: ClientOptions | Pick<Connection, 'request'>): Forum {
  const { request } = 'request' in source ? source : connect(source)
  const send = <T>(method: string, path: string, options: CallOptions | undefined, body: unknown) =>
    request<T>(method, path, { ...options, body })
  const pages = new Map<string, [etag: string, page: PostPage]>()

  return {
    categories: async (options) =>
      (await request<Page<Category>>('GET', '/v1/forum/categories', options)).items,
    threads: (category, options) =>
      requestPage(request, apiPath`/v1/forum/categories/${category}/threads`, options),
    thread: (id, options) => request('GET', apiPath`/v1/forum/threads/${id}`, options),
    async posts(threadId, { cursor, after = cursor, limit, ...options } = {}) {
      const key = `${threadId} ${after} ${limit}`
      const kept = pages.get(key)
      let etag: string | null = null
      const page = await request<PostPage | undefined>(
        'GET',
        apiPath`/v1/forum/threads/${threadId}/posts`,
        {
          ...options,
          query: { after, limit },
          headers: { ...options.headers, ...(kept && { 'If-None-Match': kept[0] }) },
          onResponse: (response) => {
            etag = response.headers.get('ETag')
          },
        },
      )
      // Only a page sent with If-None-Match can come back 304, so one is kept.
      if (!page) return { ...(kept as [string, PostPage])[1], notModified: true }
      page.notModified = false
      pages.delete(key)
      if (etag) pages.set(key, [etag, page])
      if (pages.size > keptPages) pages.delete(pages.keys().next().value as string)
      return page
    },
    createThread: (input, options) => send('POST', '/v1/forum/threads', options, input),
    preview: (body, options) => send('POST', '/v1/forum/preview', options, { body }),
    post: (threadId, input, options) =>
      send('POST', apiPath`/v1/forum/threads/${threadId}/posts`, options, input),
    edit: (postId, body, options) =>
      send('PATCH', apiPath`/v1/forum/posts/${postId}`, options, { body }),
    delete: (postId, options) => request('DELETE', apiPath`/v1/forum/posts/${postId}`, options),
    like: (postId, options) => request('PUT', apiPath`/v1/forum/posts/${postId}/like`, options),
    unlike: (postId, options) =>
      request('DELETE', apiPath`/v1/forum/posts/${postId}/like`, options),
    flag: (postId, reason, note, options) =>
      send('POST', apiPath`/v1/forum/posts/${postId}/flags`, options, { reason, note }),
    watchLevel: async (threadId, options) =>
      (
        await request<{ level: WatchLevel }>(
          'GET',
          apiPath`/v1/forum/threads/${threadId}/watch`,
          options,
        )
      ).level,
    watch: async (threadId, level, options) => {
      await send('PUT', apiPath`/v1/forum/threads/${threadId}/watch`, options, { level })
    },
    search: (query, options) => requestPage(request, '/v1/forum/search', options, { q: query }),
  }
}
