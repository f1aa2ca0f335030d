import { useEffect, useState } from 'preact/hooks'
import { useLocation } from 'preact-iso/router'
import { safeNext } from '../../app/paths.ts'
import { useAction } from '../../hooks/use-action.ts'
import { type SignInAnswer, signIn } from '../../session/operator-api.ts'
import { useSession } from '../../session/session.tsx'
import { strings } from '../../strings/index.ts'
import { FormError, TextField } from '../../ui/field.tsx'
import { PageHeader } from '../../ui/page.tsx'
import { TotpStep } from './totp-step.tsx'

/** Email and password, then (when the operator has it on) the authenticator's code. */
export function SignInPage() {
  const { state, refresh } = useSession()
  const { query, route } = useLocation()
  const next = safeNext(query.next)
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [challenge, setChallenge] = useState<string | null>(null)

  // Already signed in (a bookmark, the back button): straight on.
  const signedIn = state.status === 'signed-in'
  useEffect(() => {
    if (signedIn) route(next, true)
  }, [signedIn, next, route])

  async function finish(answer: SignInAnswer) {
    if (answer.status === 'totp_required') {
      setChallenge(answer.challenge)
      return
    }
    // Signed in, or signed in only to set up two-factor sign-in: the console shows which.
    await refresh()
    route(next, true)
  }

  const submit = useAction(async () => finish(await signIn(email.trim(), password)))

  if (challenge) {
    return (
      <TotpStep
        challenge={challenge}
        onSignedIn={finish}
        onStartOver={() => {
          setChallenge(null)
          setPassword('')
        }}
      />
    )
  }

  const notice =
    state.status === 'signed-out' && state.reason === 'expired'
      ? strings.signIn.expired
      : state.status === 'signed-out' && state.reason === 'signed-out'
        ? strings.signIn.signedOut
        : null
  return (
    <>
      <PageHeader title={strings.signIn.title} description={strings.signIn.intro} />
      {notice && (
        <p class="state state-empty" role="status">
          {notice}
        </p>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          submit.run()
        }}
      >
        <FormError message={submit.error} />
        <TextField
          label={strings.signIn.email}
          type="email"
          name="email"
          autoComplete="username"
          required
          value={email}
          onValue={setEmail}
          error={submit.fields.email}
        />
        <TextField
          label={strings.signIn.password}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onValue={setPassword}
          error={submit.fields.password}
        />
        <button type="submit" class="button button-primary" disabled={submit.busy}>
          {submit.busy ? strings.signIn.submitting : strings.signIn.submit}
        </button>
      </form>
      <p class="field-hint">{strings.signIn.firstOperator}</p>
    </>
  )
}
