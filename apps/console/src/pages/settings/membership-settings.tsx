import { useState } from 'preact/hooks'
import { api } from '../../api/client.ts'
import { ok } from '../../api/result.ts'
import { useAction } from '../../hooks/use-action.ts'
import { useLoad } from '../../hooks/use-load.ts'
import { useSite } from '../../session/site.tsx'
import { strings } from '../../strings/index.ts'
import { announce } from '../../ui/announcer.tsx'
import { CheckboxField, FormError, SelectField, TextField } from '../../ui/field.tsx'
import { Section } from '../../ui/page.tsx'
import { Loadable } from '../../ui/states.tsx'

type AuthSettings = Awaited<ReturnType<typeof loadSettings>>

function loadSettings() {
  return ok(api.GET('/v1/admin/auth-settings'))
}

/** How members sign up and stay signed in on this site. */
export function MembershipSettings() {
  const site = useSite()
  const load = useLoad(loadSettings, [site.id])
  return (
    <Section title={strings.membership.title}>
      <Loadable load={load}>
        {(data) => (
          <MembershipForm
            initial={data}
            editable={site.can('editMembership')}
            onSaved={(saved) => load.update(() => saved)}
          />
        )}
      </Loadable>
    </Section>
  )
}

function MembershipForm({
  initial,
  editable,
  onSaved,
}: {
  initial: AuthSettings
  editable: boolean
  onSaved(settings: AuthSettings): void
}) {
  const [values, setValues] = useState(initial)
  const set =
    <K extends keyof AuthSettings>(key: K) =>
    (value: AuthSettings[K]) =>
      setValues((v) => ({ ...v, [key]: value }))
  const number =
    (key: 'passwordMinLength' | 'sessionInactivityDays' | 'sessionAbsoluteDays') =>
    (text: string) =>
      set(key)(Number.parseInt(text, 10) || 0)
  const t = strings.membership
  const save = useAction(async () => {
    const saved = await ok(
      api.PATCH('/v1/admin/auth-settings', {
        body: { ...values, linkTemplate: values.linkTemplate?.trim() || null },
      }),
    )
    onSaved(saved)
    setValues(saved)
    announce(t.saved)
  })
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        save.run()
      }}
    >
      {!editable && <p class="muted">{strings.settings.readOnly}</p>}
      <FormError message={save.error} />
      <fieldset disabled={!editable}>
        <legend>{strings.membership.title}</legend>
        <TextField
          label={t.passwordMinLength}
          type="number"
          min={8}
          max={256}
          value={String(values.passwordMinLength)}
          onValue={number('passwordMinLength')}
          error={save.fields.passwordMinLength}
        />
        <CheckboxField
          label={t.breachedPasswordCheck}
          checked={values.breachedPasswordCheck}
          onChecked={set('breachedPasswordCheck')}
        />
        <CheckboxField
          label={t.allowUnverifiedSignIn}
          checked={values.allowUnverifiedSignIn}
          onChecked={set('allowUnverifiedSignIn')}
        />
        <CheckboxField
          label={t.allowUnverifiedPosting}
          checked={values.allowUnverifiedPosting}
          onChecked={set('allowUnverifiedPosting')}
        />
        <TextField
          label={t.sessionInactivityDays}
          type="number"
          min={1}
          value={String(values.sessionInactivityDays)}
          onValue={number('sessionInactivityDays')}
          error={save.fields.sessionInactivityDays}
        />
        <TextField
          label={t.sessionAbsoluteDays}
          type="number"
          min={1}
          value={String(values.sessionAbsoluteDays)}
          onValue={number('sessionAbsoluteDays')}
          error={save.fields.sessionAbsoluteDays}
        />
        <TextField
          label={t.linkTemplate}
          hint={t.linkTemplateHint}
          type="url"
          value={values.linkTemplate ?? ''}
          onValue={set('linkTemplate')}
          error={save.fields.linkTemplate}
        />
        <SelectField
          label={t.deletedMemberPosts}
          value={values.deletedMemberPosts}
          onValue={set('deletedMemberPosts')}
          options={[
            { value: 'keep', label: t.keepPosts },
            { value: 'remove', label: t.removePosts },
          ]}
        />
      </fieldset>
      {editable && (
        <button type="submit" class="button button-primary" disabled={save.busy}>
          {strings.actions.save}
        </button>
      )}
    </form>
  )
}
