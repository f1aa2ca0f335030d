import { useState } from 'preact/hooks'
import { api } from '../../api/client.ts'
import { ok } from '../../api/result.ts'
import { useAction } from '../../hooks/use-action.ts'
import { useLoad } from '../../hooks/use-load.ts'
import { type Role, roles } from '../../session/permissions.ts'
import { useOperator } from '../../session/session.tsx'
import { useSite } from '../../session/site.tsx'
import { strings } from '../../strings/index.ts'
import { announce } from '../../ui/announcer.tsx'
import { ConfirmDialog } from '../../ui/dialog.tsx'
import { FormError, SelectField, TextField } from '../../ui/field.tsx'
import { Section } from '../../ui/page.tsx'
import { Loadable } from '../../ui/states.tsx'
import { Time } from '../../ui/time.tsx'

type Operators = Awaited<ReturnType<typeof loadOperators>>
type SiteOperator = Operators['operators'][number]

function loadOperators() {
  return ok(api.GET('/v1/admin/operators'))
}

const roleOptions = roles.map((role) => ({
  value: role,
  label: `${strings.sites.role[role]}: ${strings.operators.roleHelp[role]}`,
}))

/** Who manages this site, with which role; invitations sent and not yet accepted. */
export function OperatorsSettings() {
  const site = useSite()
  const load = useLoad(loadOperators, [site.id])
  const t = strings.operators
  return (
    <>
      <Section title={t.title}>
        <p class="muted">{t.intro}</p>
        <Loadable load={load}>
          {(data) => (
            <OperatorList
              operators={data.operators}
              onChanged={(changed) =>
                load.update((d) => ({
                  ...d,
                  operators: d.operators.map((o) => (o.id === changed.id ? changed : o)),
                }))
              }
              onRemoved={(id) =>
                load.update((d) => ({ ...d, operators: d.operators.filter((o) => o.id !== id) }))
              }
            />
          )}
        </Loadable>
      </Section>
      <Section title={t.invites}>
        <Loadable load={load}>
          {(data) => <InviteList data={data} onChanged={load.reload} />}
        </Loadable>
        <InviteForm onInvited={load.reload} />
      </Section>
    </>
  )
}

function OperatorList({
  operators,
  onChanged,
  onRemoved,
}: {
  operators: SiteOperator[]
  onChanged(operator: SiteOperator): void
  onRemoved(id: string): void
}) {
  const me = useOperator().operator
  const [removing, setRemoving] = useState<SiteOperator | null>(null)
  const t = strings.operators
  const changeRole = useAction(async (operator: SiteOperator, role: Role) => {
    await ok(
      api.PATCH('/v1/admin/operators/{id}', {
        params: { path: { id: operator.id } },
        body: { role },
      }),
    )
    onChanged({ ...operator, role })
    announce(t.roleChanged)
  })
  const remove = useAction(async (operator: SiteOperator) => {
    await ok(api.DELETE('/v1/admin/operators/{id}', { params: { path: { id: operator.id } } }))
    onRemoved(operator.id)
    setRemoving(null)
    announce(t.removed)
  })
  return (
    <>
      <FormError message={changeRole.error} />
      <ul class="item-list">
        {operators.map((operator) => (
          <li key={operator.id} class="operator-row">
            <div>
              <div class="item-title">
                {operator.name} {operator.id === me.id && <span class="muted">{t.you}</span>}
              </div>
              <div class="item-meta">
                <span>{operator.email}</span>
                <span>
                  {t.twoFactor}:{' '}
                  {operator.totpEnabled ? strings.account.totpOn : strings.account.totpOff}
                </span>
                <span>
                  {t.lastSignIn}:{' '}
                  {operator.lastSignInAt ? <Time ms={operator.lastSignInAt} /> : strings.time.never}
                </span>
              </div>
            </div>
            <div class="button-row">
              <SelectField
                label={t.changeRole(operator.name)}
                value={operator.role}
                options={roles.map((role) => ({
                  value: role,
                  label: strings.sites.role[role] ?? role,
                }))}
                disabled={changeRole.busy}
                onValue={(role) => changeRole.run(operator, role)}
              />
              <button
                type="button"
                class="button button-small"
                aria-label={t.remove(operator.name)}
                onClick={() => setRemoving(operator)}
              >
                {strings.actions.remove}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={removing !== null}
        title={removing ? t.remove(removing.name) : ''}
        message={removing && <p>{t.removeConfirm(removing.name)}</p>}
        confirmLabel={removing ? t.remove(removing.name) : ''}
        busy={remove.busy}
        error={remove.error}
        onConfirm={() => removing && remove.run(removing)}
        onClose={() => setRemoving(null)}
      />
    </>
  )
}

function InviteList({ data, onChanged }: { data: Operators; onChanged(): void }) {
  const t = strings.operators
  const cancel = useAction(async (id: string) => {
    await ok(api.DELETE('/v1/admin/operator-invites/{id}', { params: { path: { id } } }))
    onChanged()
    announce(t.inviteCancelled)
  })
  if (data.invites.length === 0) return <p class="muted">{t.invitesNone}</p>
  return (
    <>
      <FormError message={cancel.error} />
      <ul class="item-list">
        {data.invites.map((invite) => (
          <li key={invite.id} class="operator-row">
            <div>
              <div class="item-title">
                {invite.email} <span class="badge">{strings.sites.role[invite.role]}</span>
              </div>
              <div class="item-meta">
                <span>
                  {t.invitedBy}: {invite.invitedBy}
                </span>
                <span>
                  {t.expires} <Time ms={invite.expiresAt} />
                </span>
              </div>
            </div>
            <button
              type="button"
              class="button button-small"
              aria-label={t.cancelInvite(invite.email)}
              disabled={cancel.busy}
              onClick={() => cancel.run(invite.id)}
            >
              {strings.actions.cancel}
            </button>
          </li>
        ))}
      </ul>
    </>
  )
}

function InviteForm({ onInvited }: { onInvited(): void }) {
  const [email, setEmail] = useState('')
  const [role, setRole] = useState<Role>('editor')
  const t = strings.operators
  const invite = useAction(async () => {
    const address = email.trim()
    await ok(api.POST('/v1/admin/operator-invites', { body: { email: address, role } }))
    setEmail('')
    onInvited()
    announce(t.invited(address))
  })
  return (
    <form
      class="invite-form"
      onSubmit={(e) => {
        e.preventDefault()
        invite.run()
      }}
    >
      <h3>{t.invite}</h3>
      <FormError message={invite.error} />
      <TextField
        label={t.inviteEmail}
        type="email"
        autoComplete="off"
        required
        value={email}
        onValue={setEmail}
        error={invite.fields.email}
      />
      <SelectField label={t.inviteRole} value={role} onValue={setRole} options={roleOptions} />
      <button type="submit" class="button button-primary" disabled={invite.busy}>
        {t.inviteSend}
      </button>
    </form>
  )
}
