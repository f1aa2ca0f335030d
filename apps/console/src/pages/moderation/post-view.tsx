import { strings } from '../../strings/index.ts'
import { Time } from '../../ui/time.tsx'

export type PostLike = {
  html: string
  author: { displayName: string } | null
  createdAt: number
}

/**
 * A post as members see it. Its HTML is the server's own rendering of the member's Markdown
 * (raw HTML off, link schemes allowlisted: apps/server's markdown module), the same that members'
 * pages show; the console's policy refuses scripts besides.
 */
export function PostView({ post, thread }: { post: PostLike; thread?: { title: string } }) {
  const t = strings.flags
  return (
    <article class="post-view">
      <div class="item-meta">
        {thread && (
          <span>
            {t.in} <strong>{thread.title}</strong>
          </span>
        )}
        <span>
          {t.by} {post.author?.displayName ?? t.deletedAuthor}
        </span>
        <Time ms={post.createdAt} />
      </div>
      <div class="post-body" dangerouslySetInnerHTML={{ __html: post.html }} />
    </article>
  )
}
