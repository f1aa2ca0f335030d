import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso/router'
import { paths } from '../../app/paths.ts'
import { useAction } from '../../hooks/use-action.ts'
import { newRecoveryCodes, signOut, turnOffTotp } from '../../session/operator-api.ts'
import { useOperator, useSession } from '../../session/session.tsx'
import { strings } from '../../strings/index.ts'
import { announce } from '../../ui/announcer.tsx'
import { FormError, TextField } from '../../ui/field.tsx'
import { PageHeader, Section } from '../../ui/page.tsx'
import { RecoveryCodes } from './recovery-codes.tsx'

/** The operator's own account: who they are, their sites, two-factor sign-in, signing out. */
export function AccountPage() {
  const { operator, sites } = useOperator()
  const { signedOut } = useSession()
  const { route } = useLocation()
  const t = strings.account
  return (
    <>
      <PageHeader title={t.title} />
      <div class="columns">
        <div>
          <Section title={t.profile}>
            <dl class="details-grid">
              <dt>{t.name}</dt>
              <dd>{operator.name}</dd>
              <dt>{t.email}</dt>
              <dd>{operator.email}</dd>
              {operator.admin && (
                <>
                  <dt>{t.admin}</dt>
                  <dd>✓</dd>
                </>
              )}
            </dl>
            <button
              type="button"
              class="button"
              onClick={async () => {
                await signOut().catch(() => {})
                signedOut('signed-out')
                route(paths.signIn())
              }}
            >
              {t.signOut}
            </button>
          </Section>
          <Section title={t.sites}>
            <ul class="item-list">
              {sites.map((site) => (
                <li key={site.id}>
                  <a href={paths.site(site.id)}>{site.name}</a>{' '}
                  <span class="badge">{strings.sites.role[site.role]}</span>
                </li>
              ))}
            </ul>
          </Section>
        </div>
        <TwoFactor />
      </div>
    </>
  )
}

function TwoFactor() {
  const { operator } = useOperator()
  const { refresh } = useSession()
  const [password, setPassword] = useState('')
  const [codes, setCodes] = useState<string[] | null>(null)
  const t = strings.account
  const regenerate = useAction(async () => {
    setCodes((await newRecoveryCodes(password)).recoveryCodes)
    setPassword('')
  })
  const turnOff = useAction(async () => {
    await turnOffTotp(password)
    setPassword('')
    announce(t.turnedOff)
    await refresh()
  })
  if (codes) return <RecoveryCodes codes={codes} onDone={() => setCodes(null)} />
  return (
    <Section title={t.twoFactor}>
      <p>
        <span class={operator.totpEnabled ? 'badge badge-success' : 'badge badge-muted'}>
          {operator.totpEnabled ? t.totpOn : t.totpOff}
        </span>
      </p>
      {!operator.totpEnabled ? (
        <a class="button button-primary" href={paths.totpSetup}>
          {strings.totpSetup.start}
        </a>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            regenerate.run()
          }}
        >
          <p class="muted">{t.newRecoveryIntro}</p>
          {operator.totpRequired && <p class="muted">{t.totpRequiredNote}</p>}
          <FormError message={regenerate.error ?? turnOff.error} />
          <TextField
            label={t.password}
            hint={t.passwordConfirmHint}
            type="password"
            autoComplete="current-password"
            value={password}
            onValue={setPassword}
            required
          />
          <div class="button-row">
            <button type="submit" class="button" disabled={regenerate.busy}>
              {t.newRecovery}
            </button>
            {!operator.totpRequired && (
              <button
                type="button"
                class="button button-danger"
                disabled={turnOff.busy}
                onClick={() => turnOff.run()}
              >
                {t.turnOff}
              </button>
            )}
          </div>
        </form>
      )}
    </Section>
  )
}
