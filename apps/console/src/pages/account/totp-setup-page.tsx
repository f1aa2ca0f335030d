import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso/router'
import { paths } from '../../app/paths.ts'
import { useAction } from '../../hooks/use-action.ts'
import { useLoad } from '../../hooks/use-load.ts'
import { confirmTotp, signOut, startTotpSetup } from '../../session/operator-api.ts'
import { useSession } from '../../session/session.tsx'
import { strings } from '../../strings/index.ts'
import { CopyBox } from '../../ui/copy-button.tsx'
import { FormError, TextField } from '../../ui/field.tsx'
import { PageHeader } from '../../ui/page.tsx'
import { Loadable } from '../../ui/states.tsx'
import { RecoveryCodes } from './recovery-codes.tsx'

/**
 * Two-factor sign-in: the QR code (from the server, as an image: the page's policy takes no
 * inline markup from elsewhere), the key to type instead, a code to confirm, then the recovery
 * codes. `required`: the operator's role needs it before anything else.
 */
export function TotpSetupPage({ required = false }: { required?: boolean }) {
  const { refresh, signedOut } = useSession()
  const { route } = useLocation()
  const setup = useLoad(startTotpSetup, [])
  const [code, setCode] = useState('')
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null)
  const t = strings.totpSetup
  const confirm = useAction(async () => {
    const answer = await confirmTotp(code.replace(/\s+/g, ''))
    setRecoveryCodes(answer.recoveryCodes)
  })

  if (recoveryCodes) {
    return (
      <>
        <PageHeader title={t.done} />
        <RecoveryCodes
          codes={recoveryCodes}
          onDone={async () => {
            // The session is a full one now: the sites appear.
            await refresh()
            route(required ? paths.home : paths.account)
          }}
        />
      </>
    )
  }
  return (
    <>
      <PageHeader title={t.title} description={required ? t.required : undefined} />
      <p>{t.intro}</p>
      <Loadable load={setup}>
        {(data) => (
          <>
            <img
              class="totp-qr"
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(data.qrSvg)}`}
              alt={t.qr}
              width={200}
              height={200}
            />
            <h2>{t.manual}</h2>
            <CopyBox text={data.secret} label={t.manual} />
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault()
                confirm.run()
              }}
            >
              <FormError message={confirm.error} />
              <TextField
                label={t.code}
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={8}
                required
                value={code}
                onValue={setCode}
                error={confirm.fields.code}
              />
              <button type="submit" class="button button-primary" disabled={confirm.busy}>
                {t.submit}
              </button>
            </form>
          </>
        )}
      </Loadable>
      {required && (
        <p>
          <button
            type="button"
            class="button button-quiet"
            onClick={async () => {
              await signOut().catch(() => {})
              signedOut('signed-out')
            }}
          >
            {strings.nav.signOut}
          </button>
        </p>
      )}
    </>
  )
}
