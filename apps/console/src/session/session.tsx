import { type ComponentChildren, createContext } from 'preact'
import { useCallback, useContext, useEffect, useState } from 'preact/hooks'
import { whenSignedOut } from '../api/client.ts'
import { ApiFailure } from '../api/result.ts'
import { loadSession, type OperatorSession } from './operator-api.ts'

export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; reason?: 'expired' | 'signed-out' }
  | { status: 'error'; error: unknown }
  | { status: 'signed-in'; session: OperatorSession }

type SessionContext = {
  state: SessionState
  /** Reads the session again: after signing in, accepting an invite, creating a site. */
  refresh(): Promise<void>
  /** Forgets the session here (the server's side is ended by the caller). */
  signedOut(reason: 'expired' | 'signed-out'): void
}

const Context = createContext<SessionContext>({
  state: { status: 'loading' },
  refresh: async () => {},
  signedOut: () => {},
})

/** Who is signed in, for the whole console, read once when it opens. */
export function SessionProvider({ children }: { children: ComponentChildren }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' })

  const refresh = useCallback(async () => {
    try {
      setState({ status: 'signed-in', session: await loadSession() })
    } catch (error) {
      if (error instanceof ApiFailure && error.status === 401) setState({ status: 'signed-out' })
      else setState({ status: 'error', error })
    }
  }, [])
  const signedOut = useCallback((reason: 'expired' | 'signed-out') => {
    setState({ status: 'signed-out', reason })
  }, [])

  useEffect(() => {
    refresh()
    whenSignedOut(() =>
      setState((s) => (s.status === 'signed-in' ? { status: 'signed-out', reason: 'expired' } : s)),
    )
  }, [refresh])

  return <Context.Provider value={{ state, refresh, signedOut }}>{children}</Context.Provider>
}

export function useSession(): SessionContext {
  return useContext(Context)
}

/** The signed-in operator's session; only inside the signed-in part of the console. */
export function useOperator(): OperatorSession {
  const { state } = useSession()
  if (state.status !== 'signed-in') throw new Error('useOperator outside a signed-in page')
  return state.session
}
