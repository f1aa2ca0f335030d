import { useState } from 'preact/hooks'
import { useAction } from '../../hooks/use-action.ts'
import { type SignInAnswer, signInWithCode } from '../../session/operator-api.ts'
import { strings } from '../../strings/index.ts'
import { FormError, TextField } from '../../ui/field.tsx'
import { PageHeader } from '../../ui/page.tsx'

/** The second step of signing in: a code from the authenticator, or a recovery code. */
export function TotpStep({
  challenge,
  onSignedIn,
  onStartOver,
}: {
  challenge: string
  onSignedIn(answer: SignInAnswer): Promise<void>
  onStartOver(): void
}) {
  const [recovery, setRecovery] = useState(false)
  const [code, setCode] = useState('')
  const submit = useAction(async () => {
    const value = code.replace(/\s+/g, '')
    await onSignedIn(
      await signInWithCode(challenge, recovery ? { recoveryCode: value } : { code: value }),
    )
  })
  return (
    <>
      <PageHeader title={strings.totp.title} description={strings.totp.intro} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          submit.run()
        }}
      >
        <FormError message={submit.error} />
        {recovery ? (
          <TextField
            key="recovery"
            label={strings.totp.recoveryCode}
            name="recoveryCode"
            autoComplete="off"
            spellcheck={false}
            required
            value={code}
            onValue={setCode}
          />
        ) : (
          <TextField
            key="code"
            label={strings.totp.code}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]*"
            maxLength={8}
            required
            value={code}
            onValue={setCode}
          />
        )}
        <div class="button-row">
          <button type="submit" class="button button-primary" disabled={submit.busy}>
            {strings.totp.submit}
          </button>
          <button
            type="button"
            class="button button-quiet"
            onClick={() => {
              setRecovery(!recovery)
              setCode('')
              submit.reset()
            }}
          >
            {recovery ? strings.totp.useCode : strings.totp.useRecovery}
          </button>
          <button type="button" class="button button-quiet" onClick={onStartOver}>
            {strings.totp.startOver}
          </button>
        </div>
      </form>
    </>
  )
}
