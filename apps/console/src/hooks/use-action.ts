import { useState } from 'preact/hooks'
import { ApiFailure, messageOf } from '../api/result.ts'

export type Action<A extends unknown[]> = {
  /** Runs it; resolves to whether it succeeded (its failure is in `error` and `fields`). */
  run(...args: A): Promise<boolean>
  busy: boolean
  /** The failure's message, for the form as a whole. */
  error: string | null
  /** The API's messages for each bad field, by the field's name in the request. */
  fields: Record<string, string>
  reset(): void
}

/**
 * A change the operator asks for: one at a time (a second click while it runs does nothing),
 * with its failure kept for the form to show.
 *
 * @example
 * const save = useAction(async () => { await ok(api.PATCH('/v1/admin/site', { body })) })
 * <form onSubmit={(e) => { e.preventDefault(); save.run() }}>
 */
export function useAction<A extends unknown[]>(
  perform: (...args: A) => Promise<unknown>,
): Action<A> {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [fields, setFields] = useState<Record<string, string>>({})
  return {
    busy,
    error,
    fields,
    reset() {
      setError(null)
      setFields({})
    },
    async run(...args) {
      if (busy) return false
      setBusy(true)
      setError(null)
      setFields({})
      try {
        await perform(...args)
        return true
      } catch (failure) {
        setError(messageOf(failure))
        if (failure instanceof ApiFailure) setFields(failure.fields)
        return false
      } finally {
        setBusy(false)
      }
    },
  }
}
