import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso/router'
import { paths } from '../../app/paths.ts'
import { useAction } from '../../hooks/use-action.ts'
import { useLoad } from '../../hooks/use-load.ts'
import { acceptInvite, lookUpInvite } from '../../session/operator-api.ts'
import { useSession } from '../../session/session.tsx'
import { strings } from '../../strings/index.ts'
import { FormError, TextField } from '../../ui/field.tsx'
import { PageHeader } from '../../ui/page.tsx'
import { Empty, Loading } from '../../ui/states.tsx'

/**
 * The page an invite's email links to: who invites whom to which site, then an account (a name
 * and a password) or, signed in already with the invited address, one click.
 */
export function InvitePage({ token }: { token: string }) {
  const { state, refresh } = useSession()
  const { route } = useLocation()
  const invite = useLoad(() => lookUpInvite(token), [token])
  const [name, setName] = useState('')
  const [password, setPassword] = useState('')
  const t = strings.invite
  const signedInAs = state.status === 'signed-in' ? state.session.operator.email : null

  const accept = useAction(async (withAccount: boolean) => {
    await acceptInvite(withAccount ? { token, name: name.trim(), password } : { token })
    await refresh()
    route(paths.home)
  })

  if (invite.state.status === 'loading') return <Loading label={t.loading} />
  if (invite.state.status === 'error') {
    return (
      <>
        <PageHeader title={t.title} />
        <Empty>
          <p>{t.notFound}</p>
        </Empty>
      </>
    )
  }
  const details = invite.state.data
  const sameOperator = signedInAs?.toLowerCase() === details.email.toLowerCase()
  return (
    <>
      <PageHeader
        title={t.title}
        description={t.summary(
          details.invitedBy,
          details.siteName,
          strings.sites.role[details.role] ?? details.role,
        )}
      />
      <FormError message={accept.error} />
      {sameOperator ? (
        <button
          type="button"
          class="button button-primary"
          disabled={accept.busy}
          onClick={() => accept.run(false)}
        >
          {t.acceptSignedIn(details.email)}
        </button>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            accept.run(true)
          }}
        >
          <TextField
            label={t.email}
            type="email"
            value={details.email}
            onValue={() => {}}
            readOnly
            autoComplete="username"
          />
          <TextField
            label={t.name}
            value={name}
            onValue={setName}
            required
            autoComplete="name"
            error={accept.fields.name}
          />
          <TextField
            label={t.password}
            hint={t.passwordHint}
            type="password"
            value={password}
            onValue={setPassword}
            required
            autoComplete="new-password"
            error={accept.fields.password}
          />
          <button type="submit" class="button button-primary" disabled={accept.busy}>
            {t.submit}
          </button>
        </form>
      )}
    </>
  )
}
