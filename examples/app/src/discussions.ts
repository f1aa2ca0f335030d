import { type Category, isPorchlightError, type Post, type Thread } from '@porchlight/sdk'
import { h } from './dom.ts'
import { onSubmit, text } from './forms.ts'
import { client } from './porchlight.ts'

const { auth, forum } = client

/** A screen of the discussions: draws itself into the view, cancelled by `signal` on leaving. */
type Screen = (signal: AbortSignal) => Promise<void>

/** Categories, then a category's threads, then a thread's posts, with composers and likes. */
export function mountDiscussions(view: HTMLElement, status: HTMLElement): void {
  let leave = new AbortController()
  let current: Screen = categoriesScreen

  /** Replaces the screen. Every SDK call takes `{ signal }` last: leaving a screen cancels its
   * requests, so a slow answer for the old screen never draws over the new one. */
  async function show(screen: Screen, { focus = true } = {}) {
    leave.abort()
    leave = new AbortController()
    current = screen
    status.textContent = ''
    try {
      await screen(leave.signal)
      // Keyboard and screen-reader users land on the new screen's heading.
      if (focus) view.querySelector<HTMLElement>('h3')?.focus()
    } catch (error) {
      if (!isPorchlightError(error)) throw error
      if (error.code !== 'ABORTED') status.textContent = error.message
    }
  }

  async function categoriesScreen(signal: AbortSignal) {
    const categories = await forum.categories({ signal })
    view.replaceChildren(
      heading('Categories'),
      categories.length === 0
        ? h('p', {}, 'No categories yet: the site owner creates them (see the README).')
        : h(
            'ul',
            {},
            ...categories.map((category) =>
              h(
                'li',
                {},
                link(category.name, () => show((s) => threadsScreen(category, s))),
                h('p', { className: 'meta' }, category.description),
              ),
            ),
          ),
    )
  }

  async function threadsScreen(category: Category, signal: AbortSignal) {
    const list = h('ul')
    const more = h('button', { type: 'button', hidden: true }, 'More threads')
    // Lists come in pages: pass `nextCursor` back as `cursor`; `null` means the last page.
    let cursor: string | null = null
    async function nextPage() {
      const page = await forum.threads(category.slug, { cursor, signal })
      list.append(...page.items.map((thread) => threadItem(thread)))
      cursor = page.nextCursor
      more.hidden = cursor === null
    }
    more.addEventListener('click', () => nextPage().catch(report))
    await nextPage()
    view.replaceChildren(
      link('← All categories', () => show(categoriesScreen)),
      heading(category.name),
      list.childElementCount ? list : h('p', {}, 'No threads yet.'),
      more,
      newThreadForm(category),
    )
  }

  function threadItem(thread: Thread) {
    const flags = [thread.pinned && 'pinned', thread.locked && 'locked'].filter(Boolean)
    return h(
      'li',
      {},
      link(thread.title, () => show((s) => threadScreen(thread.id, s))),
      h(
        'p',
        { className: 'meta' },
        `${thread.postCount} ${thread.postCount === 1 ? 'post' : 'posts'}, started by ${name(thread.author)}`,
        flags.length ? ` (${flags.join(', ')})` : '',
      ),
    )
  }

  function newThreadForm(category: Category) {
    if (!auth.user) return h('p', {}, 'Sign in to start a thread.')
    const form = h(
      'form',
      { id: 'new-thread' },
      h('h4', {}, 'Start a thread'),
      h('label', { htmlFor: 'new-thread-title' }, 'Title'),
      h('input', { id: 'new-thread-title', name: 'title', required: true }),
      h('label', { htmlFor: 'new-thread-body' }, 'Message (markdown)'),
      h('textarea', { id: 'new-thread-body', name: 'body', rows: 4, required: true }),
      h('button', { type: 'submit' }, 'Start thread'),
      h('p', { className: 'status', role: 'status' }),
    )
    onSubmit(form, async (data) => {
      const { id } = await forum.createThread({
        category: category.slug,
        title: text(data, 'title'),
        body: text(data, 'body'),
      })
      await show((s) => threadScreen(id, s))
      return undefined
    })
    return form
  }

  async function threadScreen(threadId: string, signal: AbortSignal) {
    const [thread, first] = await Promise.all([
      forum.thread(threadId, { signal }),
      forum.posts(threadId, { signal }),
    ])
    const posts = h('ol', { className: 'posts' }, ...first.items.map(postItem))
    const more = h('button', { type: 'button', hidden: !first.hasMore }, 'More posts')
    let page = first
    // The posts after the last one shown. `nextCursor` is set on the last page too, so the same
    // call picks up new posts. The SDK sends back the page's ETag: while nothing changed, the
    // server answers 304 with no body and the SDK returns the page it has, `notModified: true`.
    async function newerPosts() {
      const next = await forum.posts(threadId, { cursor: page.nextCursor, signal })
      if (next.notModified) return
      posts.append(...next.items.map(postItem))
      more.hidden = !next.hasMore
      page = next
    }
    more.addEventListener('click', () => newerPosts().catch(report))
    const poll = setInterval(() => newerPosts().catch(() => {}), 15_000)
    signal.addEventListener('abort', () => clearInterval(poll))

    view.replaceChildren(
      link(`← ${thread.category.name}`, () => show((s) => threadsScreen(thread.category, s))),
      heading(thread.title),
      posts,
      more,
      replyForm(thread, newerPosts),
    )
  }

  function replyForm(thread: Thread, newerPosts: () => Promise<void>) {
    if (thread.locked) return h('p', {}, 'This thread is locked.')
    if (!auth.user) return h('p', {}, 'Sign in to reply.')
    const form = h(
      'form',
      { id: 'reply' },
      h('label', { htmlFor: 'reply-body' }, 'Your reply (markdown)'),
      h('textarea', { id: 'reply-body', name: 'body', rows: 4, required: true }),
      h('button', { type: 'submit' }, 'Reply'),
      h('p', { className: 'status', role: 'status' }),
    )
    onSubmit(form, async (data) => {
      await forum.post(thread.id, { body: text(data, 'body') })
      form.reset()
      await newerPosts()
      return 'Reply posted.'
    })
    return form
  }

  function postItem(post: Post) {
    const body = h('div', { className: 'post-body' })
    // The one place this app inserts HTML: the server renders the markdown with raw HTML off and
    // only safe link schemes, so `post.html` is safe to insert as it is.
    body.innerHTML = post.html
    return h(
      'li',
      {},
      h(
        'p',
        { className: 'meta' },
        `${name(post.author)}, ${new Date(post.createdAt).toLocaleString()}`,
      ),
      body,
      likeButton(post),
    )
  }

  function likeButton(post: Post) {
    const count = h('span', {}, String(post.likeCount))
    const button = h('button', { type: 'button', className: 'like' }, 'Like ', count)
    // `liked` comes with the post for a signed-in reader. Guests cannot like, nor can anyone
    // like their own post (the server would answer OWN_POST).
    button.setAttribute('aria-pressed', String(post.liked ?? false))
    button.disabled = !auth.user || auth.user.id === post.author?.id || post.deleted
    button.addEventListener('click', async () => {
      try {
        const wasLiked = button.getAttribute('aria-pressed') === 'true'
        const { likeCount, liked } = await (wasLiked ? forum.unlike(post.id) : forum.like(post.id))
        count.textContent = String(likeCount)
        button.setAttribute('aria-pressed', String(liked))
      } catch (error) {
        report(error)
      }
    })
    return button
  }

  function report(error: unknown) {
    if (!isPorchlightError(error)) throw error
    status.textContent = error.message
  }

  // Signing in or out changes a screen (composers, likes): draw the current one again, in place.
  auth.onChange(() => void show(current, { focus: false }))
  void show(categoriesScreen, { focus: false })
}

function heading(text: string) {
  // tabIndex -1: focusable from script (see show), not a stop for the Tab key.
  return h('h3', { tabIndex: -1 }, text)
}

/** A button styled as a link: it changes the screen, it does not load a page. */
function link(label: string, onClick: () => void) {
  const button = h('button', { type: 'button', className: 'link' }, label)
  button.addEventListener('click', onClick)
  return button
}

function name(author: { displayName: string | null } | null) {
  return author?.displayName ?? 'a deleted member'
}
