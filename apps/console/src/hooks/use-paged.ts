import { useState } from 'preact/hooks'
import { messageOf } from '../api/result.ts'
import { type Load, useLoad } from './use-load.ts'

export type Page<T> = { items: T[]; nextCursor: string | null }

export type Paged<T> = Load<Page<T>> & {
  /** Appends the next page; does nothing at the end or while one is on its way. */
  loadMore(): Promise<void>
  loadingMore: boolean
  moreError: string | null
}

/**
 * A list the API gives a page at a time (`items`, `nextCursor`): the first page when the deps
 * change, the next ones on request, appended.
 *
 * @example
 * const jobs = usePaged((cursor) => ok(api.GET('/v1/admin/outbox', { params: { query: { cursor } } })), [site])
 */
export function usePaged<T>(
  loadPage: (cursor: string | undefined) => Promise<Page<T>>,
  deps: unknown[],
): Paged<T> {
  const load = useLoad(() => loadPage(undefined), deps)
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<string | null>(null)
  return {
    ...load,
    loadingMore,
    moreError,
    async loadMore() {
      const { state } = load
      if (state.status !== 'ready' || !state.data.nextCursor || loadingMore) return
      setLoadingMore(true)
      setMoreError(null)
      try {
        const next = await loadPage(state.data.nextCursor)
        load.update((data) => ({
          items: [...data.items, ...next.items],
          nextCursor: next.nextCursor,
        }))
      } catch (error) {
        setMoreError(messageOf(error))
      } finally {
        setLoadingMore(false)
      }
    },
  }
}
