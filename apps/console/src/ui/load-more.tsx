import type { Paged } from '../hooks/use-paged.ts'
import { strings } from '../strings/index.ts'

/** The button under a list with more pages, and the next page's failure if it failed. */
export function LoadMore<T>({ list }: { list: Paged<T> }) {
  if (list.state.status !== 'ready' || !list.state.data.nextCursor) return null
  return (
    <div class="button-row">
      <button type="button" class="button" disabled={list.loadingMore} onClick={list.loadMore}>
        {list.loadingMore ? strings.states.loading : strings.states.loadMore}
      </button>
      {list.moreError && (
        <p class="form-error" role="alert">
          {list.moreError}
        </p>
      )}
    </div>
  )
}
