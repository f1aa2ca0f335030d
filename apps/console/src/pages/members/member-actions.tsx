import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso/router'
import { api } from '../../api/client.ts'
import { ok } from '../../api/result.ts'
import { paths } from '../../app/paths.ts'
import { useAction } from '../../hooks/use-action.ts'
import { useSite } from '../../session/site.tsx'
import { strings } from '../../strings/index.ts'
import { announce } from '../../ui/announcer.tsx'
import { ConfirmDialog } from '../../ui/dialog.tsx'
import { downloadJson } from '../../ui/download.ts'
import { FormError, SelectField, TextField } from '../../ui/field.tsx'
import { Section } from '../../ui/page.tsx'
import type { AdminMember } from './member-page.tsx'

const day = 86_400_000

type Confirming = 'ban' | 'sessions' | 'delete' | null

/** What may be done about a member, as far as the operator's role allows. */
export function MemberActions({
  member,
  onChanged,
  onSignedOut,
}: {
  member: AdminMember
  onChanged(member: Partial<AdminMember>): void
  onSignedOut(): void
}) {
  const site = useSite()
  const { route } = useLocation()
  const [days, setDays] = useState('7')
  const [reason, setReason] = useState('')
  const [confirming, setConfirming] = useState<Confirming>(null)
  const t = strings.member
  const path = { params: { path: { id: member.id } } }

  const changeRole = useAction(async (role: AdminMember['role']) => {
    onChanged(await ok(api.PATCH('/v1/admin/members/{id}', { ...path, body: { role } })))
    announce(t.roleChanged)
  })
  const suspend = useAction(async () => {
    const until = Date.now() + Math.max(1, Number(days) || 0) * day
    const answer = await ok(
      api.POST('/v1/admin/members/{id}/suspend', {
        ...path,
        body: { until, ...(reason.trim() && { reason: reason.trim() }) },
      }),
    )
    onChanged(answer.member)
    onSignedOut()
    setReason('')
    announce(t.suspended(answer.sessionsEnded))
  })
  const ban = useAction(async () => {
    const answer = await ok(
      api.POST('/v1/admin/members/{id}/ban', {
        ...path,
        body: reason.trim() ? { reason: reason.trim() } : {},
      }),
    )
    onChanged(answer.member)
    onSignedOut()
    setConfirming(null)
    announce(t.banned)
  })
  const unban = useAction(async () => {
    onChanged((await ok(api.POST('/v1/admin/members/{id}/unban', path))).member)
    announce(t.unbanned)
  })
  const endSessions = useAction(async () => {
    await ok(api.DELETE('/v1/admin/members/{id}/sessions', path))
    onSignedOut()
    setConfirming(null)
    announce(t.sessionsEnded)
  })
  const remove = useAction(async () => {
    await ok(api.DELETE('/v1/admin/members/{id}', path))
    announce(t.deleted)
    route(paths.site(site.id, 'members'))
  })
  const exportData = useAction(async () => {
    const data = await ok(api.GET('/v1/admin/members/{id}/export', path))
    downloadJson(data, `member-${member.id}.json`)
    announce(t.exported)
  })

  const canSuspend = site.can('suspendMembers')
  const canManage = site.can('manageMembers')
  if (!canSuspend && !canManage) return null
  const error = changeRole.error ?? suspend.error ?? unban.error ?? exportData.error
  return (
    <Section title={t.actions}>
      <FormError message={error} />
      {canManage && (
        <SelectField
          label={t.role}
          value={member.role}
          disabled={changeRole.busy}
          onValue={(role) => changeRole.run(role)}
          options={(['member', 'moderator', 'admin'] as const).map((role) => ({
            value: role,
            label: strings.members.roles[role] ?? role,
          }))}
        />
      )}
      {canSuspend && member.status === 'active' && (
        <form
          class="action-form"
          onSubmit={(e) => {
            e.preventDefault()
            suspend.run()
          }}
        >
          <h3>{t.suspend}</h3>
          <TextField
            label={t.suspendDays}
            type="number"
            min={1}
            max={3650}
            value={days}
            onValue={setDays}
          />
          <TextField label={t.suspendReason} value={reason} onValue={setReason} maxLength={500} />
          <button type="submit" class="button" disabled={suspend.busy}>
            {t.suspendConfirm(member.displayName)}
          </button>
        </form>
      )}
      <div class="button-row">
        {canManage && member.status !== 'active' && (
          <button type="button" class="button" disabled={unban.busy} onClick={() => unban.run()}>
            {t.unban}
          </button>
        )}
        {canManage && member.status !== 'banned' && (
          <button type="button" class="button" onClick={() => setConfirming('ban')}>
            {t.ban}
          </button>
        )}
        {canManage && (
          <button type="button" class="button" onClick={() => setConfirming('sessions')}>
            {t.endSessions}
          </button>
        )}
        {canManage && (
          <button
            type="button"
            class="button"
            disabled={exportData.busy}
            onClick={() => exportData.run()}
          >
            {t.export}
          </button>
        )}
        {canManage && (
          <button
            type="button"
            class="button button-danger"
            onClick={() => setConfirming('delete')}
          >
            {t.delete}
          </button>
        )}
      </div>
      <ConfirmDialog
        open={confirming === 'ban'}
        title={t.ban}
        message={<p>{t.banConfirm(member.displayName)}</p>}
        confirmLabel={t.ban}
        busy={ban.busy}
        error={ban.error}
        onConfirm={() => ban.run()}
        onClose={() => setConfirming(null)}
      >
        <TextField label={t.suspendReason} value={reason} onValue={setReason} maxLength={500} />
      </ConfirmDialog>
      <ConfirmDialog
        open={confirming === 'sessions'}
        title={t.endSessions}
        message={<p>{t.endSessionsConfirm(member.displayName)}</p>}
        confirmLabel={t.endSessions}
        busy={endSessions.busy}
        error={endSessions.error}
        onConfirm={() => endSessions.run()}
        onClose={() => setConfirming(null)}
      />
      <ConfirmDialog
        open={confirming === 'delete'}
        title={t.delete}
        message={<p>{t.deleteConfirm(member.displayName)}</p>}
        confirmLabel={t.delete}
        busy={remove.busy}
        error={remove.error}
        onConfirm={() => remove.run()}
        onClose={() => setConfirming(null)}
      />
    </Section>
  )
}
