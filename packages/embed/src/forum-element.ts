import type {
  Category,
  FlagReason,
  Post,
  PostPage,
  Thread,
  WatchLevel,
} from '../../sdk/src/forum.ts'
import { errorCode, PorchlightElement } from './element.ts'
import { listView, threadView } from './forum-views.ts'
import type { Html } from './html.ts'
import { format } from './strings.ts'

/** Posts and threads fetched at a time. */
const pageSize = 20

/**
 * A page of a thread's posts as loaded, with `after`, the cursor it was asked with (none for the
 * first). A copy of the SDK's page, which the SDK keeps to answer a 304 with.
 *
 * @example
 * const first: LoadedPage = { ...page }
 */
export type LoadedPage = PostPage & { after?: string }

/**
 * `<porchlight-forum category="slug">`: the category's threads (pinned first, "load more"),
 * and a thread's posts at `#thread-<id>` in the address (links, the back button and bookmarks
 * work), polled for new posts and changes. Signed-in members start threads and reply (with a
 * preview rendered by the server), like, flag and choose their notifications; moderators hide
 * posts and lock and pin threads in place. A member who may not write yet sees why instead of
 * the composer: an address to confirm (with a button to send the link again), a suspension.
 *
 * Attributes: `category` (required), `poll` (seconds between checks for new posts, default 15),
 * `signin-href` (where "Sign in to take part" links to), `theme="light|dark"`.
 *
 * @example
 * // <porchlight-forum category="general" signin-href="/members.html"></porchlight-forum>
 */
export class PorchlightForum extends PorchlightElement {
  category?: Category
  /** The list; `undefined` while loading, `null` when it could not be. */
  threads?: Thread[] | null
  nextThreads: string | null = null
  /** The thread the address names, and once loaded, the thread and its pages of posts. */
  threadId?: string
  thread?: Thread
  pages: LoadedPage[] = []
  level?: WatchLevel
  /** Whether the new-thread form is open. */
  composing = false
  /** The composer's preview, as the server rendered it, while it shows. */
  preview?: string | undefined
  replyTo?: Post | undefined
  /** The open flag or hide form: `flag-<post id>` or `hide-<post id>`. */
  panel = ''
  /** Whether the view's last load failed (the status line says why). */
  failed = false
  /**
   * Why the signed-in member (`who`) may not write, as an error code (`''`: they may). Asked of
   * the server, which alone knows the site's rules, for members it might refuse: those with an
   * address to confirm, or a suspension.
   */
  refusal?: { who: string; code: string }
  /** Loads are numbered, so an answer for a view the visitor has left is dropped. */
  #loads = 0
  #polling: Promise<void> = Promise.resolve()

  get slug(): string {
    return this.getAttribute('category') ?? ''
  }

  get moderator(): boolean {
    const role = this.client.auth.user?.role
    return role === 'moderator' || role === 'admin'
  }

  protected start(): void {
    void this.#askRefusal()
    this.listen(window, 'hashchange', () => void this.#route(true))
    this.every(15, () => void this.#poll())
    void this.#route()
  }

  protected override signedIn(): void {
    // Likes, moderators' views and the composer depend on who reads: load the view again.
    this.thread = undefined
    void this.#route()
    void this.#askRefusal()
  }

  /** The reason the member may not write, if any (see `refusal`); asked once per member. */
  get refused(): string {
    return (this.refusal?.who === this.client.auth.user?.id && this.refusal?.code) || ''
  }

  /**
   * Asks whether the member may write with a preview, which the server refuses for the same
   * reasons as a post and which stores nothing. Until it answers, an unconfirmed address is
   * taken to be refused, as the server does by default.
   */
  async #askRefusal() {
    const user = this.client.auth.user
    if (!user || (user.emailVerified && user.status === 'active')) {
      this.refusal = undefined
      return
    }
    if (this.refusal?.who === user.id) return
    const refusal = { who: user.id, code: user.emailVerified ? '' : 'EMAIL_NOT_VERIFIED' }
    this.refusal = refusal
    this.update()
    try {
      await this.client.forum.preview('.')
      refusal.code = ''
    } catch (error) {
      // Only the reasons to refuse a writer; a network failure says nothing about the member.
      const code = errorCode(error)
      refusal.code = /^(EMAIL_NOT_VERIFIED|ACCOUNT_SUSPENDED|FORBIDDEN)$/.test(code) ? code : ''
    }
    this.update()
  }

  /** Shows what the address says: `#thread-<id>`, a post quoted in the open thread, or the list. */
  async #route(navigated = false) {
    const hash = decodeURIComponent(location.hash.slice(1))
    if (hash.startsWith('pst_') && this.thread) return this.focusOn(`#p-${hash}`)
    const id = /^thread-(.+)/.exec(hash)?.[1]
    this.say()
    this.marks = undefined
    await (id ? this.#open(id) : this.#list())
    // The visitor moved: their screen reader starts at the new view's heading.
    if (navigated) this.focusOn()
  }

  /** Runs a load for a new view; `stale()` tells the task when the visitor has left it. */
  async #load(task: (stale: () => boolean) => Promise<void>) {
    const load = ++this.#loads
    const stale = () => load !== this.#loads
    this.failed = false
    this.update()
    try {
      await task(stale)
    } catch (error) {
      if (stale()) return
      this.failed = true
      this.fail(error)
    }
    if (!stale()) this.update()
  }

  async #list(more = false) {
    const { forum } = this.client
    if (!more) {
      this.threadId = this.thread = this.threads = this.preview = undefined
    }
    await this.#load(async (stale) => {
      const [categories, page] = await Promise.all([
        this.category ? [] : forum.categories(),
        forum.threads(this.slug, { cursor: more ? this.nextThreads : null, limit: pageSize }),
      ])
      if (stale()) return
      this.category ??= categories.find((category) => category.slug === this.slug)
      this.threads = [...((more && this.threads) || []), ...page.items]
      this.nextThreads = page.nextCursor
    })
  }

  async #open(id: string) {
    if (this.thread?.id === id) return this.update()
    const { forum, auth } = this.client
    Object.assign(this, { threadId: id, thread: undefined, pages: [], panel: '' })
    this.replyTo = this.preview = undefined
    this.values.body = ''
    await this.#load(async (stale) => {
      const [thread, page, level] = await Promise.all([
        forum.thread(id),
        forum.posts(id, { limit: pageSize }),
        auth.user ? forum.watchLevel(id) : undefined,
      ])
      if (stale()) return
      this.thread = thread
      this.pages = [{ ...page }]
      this.level = level
    })
  }

  /**
   * Asks again for every page shown: each costs a 304 while the thread is unchanged (the SDK
   * sends the page's ETag), and any change to the thread (a new post, a like, a post hidden)
   * changes them all. One poll at a time.
   */
  #poll(): Promise<void> {
    this.#polling = this.#polling.then(async () => {
      const { thread } = this
      if (!thread) return
      const { forum } = this.client
      let before = 0
      let after = 0
      let changed = false
      try {
        for (const [i, page] of this.pages.entries()) {
          const fresh = await forum.posts(thread.id, { cursor: page.after, limit: pageSize })
          before += page.items.length
          after += fresh.items.length
          if (fresh.notModified || thread !== this.thread) continue
          changed = true
          this.pages[i] = { ...fresh, after: page.after }
        }
        if (!changed || thread !== this.thread) return
        const fresh = await forum.thread(thread.id) // locked, pinned, the post count
        if (thread !== this.thread) return
        this.thread = { ...thread, ...fresh }
      } catch {
        return // the next poll tries again
      }
      if (after > before) this.say(format(this.s.forumNewPosts, { count: after - before }))
      this.update()
    })
    return this.#polling
  }

  /** Loads the next page of posts; focuses its first post when asked. */
  async #more(focus = true) {
    const { thread } = this
    const last = this.pages.at(-1)
    if (!thread || !last) return
    const after = last.nextCursor
    const page = await this.client.forum.posts(thread.id, { cursor: after, limit: pageSize })
    // Only the last page's `hasMore` counts: it offers "Load more".
    this.pages.push({ ...page, after })
    this.update()
    if (focus && page.items[0]) this.focusOn(`#p-${page.items[0].id}`)
  }

  #post(id: string | undefined): Post | undefined {
    for (const page of this.pages) for (const post of page.items) if (post.id === id) return post
  }

  #replace(post: Post) {
    for (const page of this.pages) page.items = page.items.map((p) => (p.id === post.id ? post : p))
    this.update()
  }

  protected act(action: string, target: HTMLElement): void {
    const { forum, moderation } = this.client
    const { thread, values } = this
    const s = this.s
    const id = target.dataset.id ?? ''
    const post = this.#post(id)
    const saved = () => this.say(s.forumSaved)
    const run = (task: () => Promise<unknown>) => void this.run(task, target)
    if (action === 'resend') {
      const { auth } = this.client
      run(async () => {
        // Confirmed meanwhile (in another tab, say): the fresh account brings the composer.
        if ((await auth.resendVerification()).status === 'already_verified') await auth.getSession()
        else this.sayNear(target, s.authResent)
      })
    }
    if (action === 'compose') {
      this.composing = !this.composing
      this.preview = undefined
      this.update()
      this.focusOn(this.composing ? '#title' : '#compose-')
    }
    if (action === 'more') {
      run(async () => {
        if (id !== 'threads') return this.#more()
        const count = this.threads?.length ?? 0
        await this.#list(true)
        this.focusOn(`.threads li:nth-child(${count + 1}) a`)
      })
    }
    if (action === 'preview') {
      if (this.preview !== undefined) {
        this.preview = undefined
        this.update()
      } else {
        run(async () => {
          const body = values.body?.trim()
          this.preview = body ? (await this.client.forum.preview(body)).html : ''
          this.update()
        })
      }
    }
    if (action === 'create' || action === 'reply') {
      // Publishing shows the text again, where the server's messages about it go.
      this.preview = undefined
      this.update()
    }
    if (action === 'create') {
      run(async () => {
        const created = await forum.createThread({
          category: this.slug,
          title: values.title ?? '',
          body: values.body ?? '',
        })
        this.composing = false
        values.title = values.body = ''
        location.hash = `thread-${created.id}`
      })
    }
    if (action === 'reply' && thread) {
      run(async () => {
        const created = await forum.post(thread.id, {
          body: values.body ?? '',
          ...(this.replyTo && { replyTo: this.replyTo.id }),
        })
        values.body = ''
        this.replyTo = undefined
        await this.#poll()
        // On a full last page the new post starts the next one.
        while (!this.#post(created.id) && this.pages.at(-1)?.hasMore) await this.#more(false)
        this.update()
        this.say(s.forumPublished)
        this.focusOn(`#p-${created.id}`)
      })
    }
    if (action === 'reply-to' || action === 'unreply') {
      this.replyTo = action === 'reply-to' ? post : undefined
      this.update()
      this.focusOn('#body')
    }
    if (action === 'like' && post) {
      run(async () => {
        Object.assign(post, await (post.liked ? forum.unlike(id) : forum.like(id)))
        this.update()
      })
    }
    // The flag and hide buttons open a small form under the post; submitting it acts.
    const closePanel = () => {
      const button = `#${this.panel.split('-')[0]}-${id}`
      this.panel = ''
      this.update()
      this.focusOn(button)
    }
    if (target instanceof HTMLFormElement && (action === 'flag' || action === 'hide')) {
      const { reason = '', note } = Object.fromEntries(new FormData(target)) as Record<
        string,
        string
      >
      run(async () => {
        if (action === 'flag') await forum.flag(id, reason as FlagReason, note || undefined)
        else this.#replace(await moderation.hidePost(id, reason))
        closePanel()
        this.say(action === 'flag' ? s.forumFlagged : s.forumSaved)
      })
    } else if (action === 'close' || this.panel === `${action}-${id}`) {
      closePanel()
    } else if (action === 'flag' || action === 'hide') {
      this.panel = `${action}-${id}`
      values.reason = values.note = ''
      this.update()
      this.focusOn(`#p-${id} form input`)
    }
    if (action === 'unhide') {
      run(async () => {
        this.#replace(await moderation.unhidePost(id))
        saved()
        this.focusOn(`#hide-${id}`)
      })
    }
    if (thread && /^(un)?(pin|lock)$/.test(action)) {
      run(async () => {
        const change = `${action}Thread` as 'pinThread'
        this.thread = { ...thread, ...(await moderation[change](thread.id)) }
        this.update()
        saved()
        // The button became its opposite (Pin ⇄ Unpin); keep the focus on it.
        this.focusOn(`#${action.startsWith('un') ? action.slice(2) : `un${action}`}-`)
      })
    }
    if (action === 'watch' && thread) {
      const level = (target as HTMLSelectElement).value as WatchLevel
      run(async () => {
        await forum.watch(thread.id, level)
        this.level = level
        saved()
      })
    }
  }

  protected template(): Html {
    return this.threadId ? threadView(this) : listView(this)
  }
}
