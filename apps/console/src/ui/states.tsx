import type { ComponentChildren } from 'preact'
import { ApiFailure, messageOf } from '../api/result.ts'
import type { Load } from '../hooks/use-load.ts'
import { strings } from '../strings/index.ts'

/** A region that is on its way; announced politely, once. */
export function Loading({ label = strings.states.loading }: { label?: string }) {
  return (
    <p class="state state-loading" role="status">
      <span class="spinner" aria-hidden="true" />
      {label}
    </p>
  )
}

/** What went wrong, in words, with a way to try again. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const forbidden = error instanceof ApiFailure && error.status === 403
  return (
    <div class="state state-error" role="alert">
      <p>
        <strong>{strings.errors.title}.</strong>{' '}
        {forbidden ? strings.states.forbidden : messageOf(error)}
      </p>
      {onRetry && !forbidden && (
        <button type="button" class="button" onClick={onRetry}>
          {strings.states.retry}
        </button>
      )}
    </div>
  )
}

/** Nothing to show, and why, or what to do about it. */
export function Empty({ children }: { children: ComponentChildren }) {
  return <div class="state state-empty">{children}</div>
}

/**
 * A region of a page: its loading, error and (with `isEmpty`) empty states, and the content once
 * its data is here.
 *
 * @example
 * <Loadable load={forms} isEmpty={(d) => d.items.length === 0} empty={<p>No forms.</p>}>
 *   {(d) => <FormList forms={d.items} />}
 * </Loadable>
 */
export function Loadable<T>({
  load,
  isEmpty,
  empty,
  children,
}: {
  load: Load<T>
  isEmpty?: (data: T) => boolean
  empty?: ComponentChildren
  children: (data: T) => ComponentChildren
}) {
  const { state } = load
  if (state.status === 'loading') return <Loading />
  if (state.status === 'error') return <ErrorNotice error={state.error} onRetry={load.reload} />
  if (isEmpty?.(state.data)) return <Empty>{empty ?? <p>{strings.states.nothing}</p>}</Empty>
  return <>{children(state.data)}</>
}
