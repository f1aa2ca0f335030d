import { useCallback, useEffect, useRef, useState } from 'preact/hooks'

/** Where a page's data is: on its way, refused, or here. */
export type Loaded<T> =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; data: T }

export type Load<T> = {
  state: Loaded<T>
  /** Loads again (after an error, or after a change elsewhere). */
  reload(): void
  /** Changes the data in place: optimistic updates, and answers of changes. */
  update(change: (data: T) => T): void
}

/**
 * Loads a page's data when it mounts and whenever `deps` change; an answer that arrives after
 * the page moved on (to another site, another filter) is dropped.
 *
 * @example
 * const forms = useLoad(() => ok(api.GET('/v1/admin/forms')), [site])
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Load<T> {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' })
  const [round, setRound] = useState(0)
  const latest = useRef(0)

  useEffect(() => {
    const attempt = ++latest.current
    setState((previous) => (previous.status === 'ready' ? previous : { status: 'loading' }))
    load().then(
      (data) => {
        if (attempt === latest.current) setState({ status: 'ready', data })
      },
      (error: unknown) => {
        if (attempt === latest.current) setState({ status: 'error', error })
      },
    )
  }, [...deps, round])

  // A change of `deps` shows the loading state again rather than the previous site's data.
  useEffect(() => () => setState({ status: 'loading' }), deps)

  const reload = useCallback(() => setRound((r) => r + 1), [])
  const update = useCallback((change: (data: T) => T) => {
    setState((previous) =>
      previous.status === 'ready' ? { status: 'ready', data: change(previous.data) } : previous,
    )
  }, [])
  return { state, reload, update }
}
