import { useState } from 'preact/hooks'
import { api } from '../../api/client.ts'
import { ok } from '../../api/result.ts'
import { useAction } from '../../hooks/use-action.ts'
import { strings } from '../../strings/index.ts'
import { announce } from '../../ui/announcer.tsx'
import { CheckboxField, FormError, SelectField, TextArea, TextField } from '../../ui/field.tsx'
import { Section } from '../../ui/page.tsx'
import { FieldRows } from './field-rows.tsx'
import { changesOf, draftOf, type FormDraft } from './form-draft.ts'
import type { AdminForm } from './form-page.tsx'

/** Everything about a form but its webhook secret: one form, one Save. */
export function FormEditor({
  form,
  editable,
  onSaved,
}: {
  form: AdminForm
  editable: boolean
  onSaved(form: AdminForm): void
}) {
  const [draft, setDraft] = useState<FormDraft>(() => draftOf(form))
  const set =
    <K extends keyof FormDraft>(key: K) =>
    (value: FormDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }))
  const t = strings.formEditor
  const save = useAction(async () => {
    const saved = await ok(
      api.PATCH('/v1/admin/forms/{formId}', {
        params: { path: { formId: form.id } },
        body: changesOf(draft),
      }),
    )
    onSaved(saved)
    announce(t.saved)
  })
  const error = (name: string) => save.fields[`settings.${name}`] ?? save.fields[name]
  return (
    <form
      class="form-editor"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        save.run()
      }}
    >
      {!editable && <p class="muted">{t.readOnly}</p>}
      <Section title={t.basics}>
        <fieldset disabled={!editable} class="plain">
          <TextField
            label={strings.forms.name}
            value={draft.name}
            onValue={set('name')}
            error={error('name')}
          />
          <CheckboxField
            label={t.enabled}
            hint={t.enabledHint}
            checked={draft.enabled}
            onChecked={set('enabled')}
          />
        </fieldset>
      </Section>
      <Section title={t.fields}>
        <p class="muted">{t.fieldsIntro}</p>
        <FieldRows
          rows={draft.fields}
          onRows={set('fields')}
          errors={save.fields}
          disabled={!editable}
        />
        <fieldset disabled={!editable} class="plain">
          <CheckboxField label={t.strict} checked={draft.strict} onChecked={set('strict')} />
        </fieldset>
      </Section>
      <Section title={t.notifications}>
        <fieldset disabled={!editable} class="plain">
          <TextArea
            label={t.notify}
            hint={t.notifyHint}
            value={draft.notify}
            onValue={set('notify')}
            rows={3}
            error={error('notify')}
          />
          <TextField
            label={t.subject}
            hint={t.subjectHint}
            value={draft.subject}
            onValue={set('subject')}
            error={error('subject')}
          />
          <CheckboxField
            label={t.autoresponse}
            checked={draft.autoresponseEnabled}
            onChecked={set('autoresponseEnabled')}
          />
          {draft.autoresponseEnabled && (
            <>
              <TextField
                label={t.autoresponseSubject}
                value={draft.autoresponseSubject}
                onValue={set('autoresponseSubject')}
                error={error('autoresponse.subject')}
              />
              <TextArea
                label={t.autoresponseText}
                value={draft.autoresponseText}
                onValue={set('autoresponseText')}
                error={error('autoresponse.text')}
              />
            </>
          )}
          <TextField
            label={t.redirect}
            hint={t.redirectHint}
            type="url"
            value={draft.redirectUrl}
            onValue={set('redirectUrl')}
            error={error('redirectUrl')}
          />
          <TextField
            label={strings.webhook.url}
            hint={strings.webhook.urlHint}
            type="url"
            value={draft.webhookUrl}
            onValue={set('webhookUrl')}
            error={error('webhookUrl')}
          />
        </fieldset>
      </Section>
      <Section title={t.spam}>
        <fieldset disabled={!editable} class="plain">
          <SelectField
            label={t.proofOfWork}
            value={draft.proofOfWork}
            onValue={set('proofOfWork')}
            options={[
              { value: 'scripted', label: t.powScripted },
              { value: 'always', label: t.powAlways },
              { value: 'off', label: t.powOff },
            ]}
          />
          <TextField
            label={t.honeypot}
            value={draft.honeypotField}
            onValue={set('honeypotField')}
            error={error('spam.honeypotField')}
          />
          <TextField
            label={t.minSeconds}
            type="number"
            min={0}
            value={draft.minSeconds}
            onValue={set('minSeconds')}
            error={error('spam.minSeconds')}
          />
          <CheckboxField
            label={t.requireTimeToken}
            checked={draft.requireTimeToken}
            onChecked={set('requireTimeToken')}
          />
          <TextField
            label={t.maxLinks}
            type="number"
            min={0}
            value={draft.maxLinks}
            onValue={set('maxLinks')}
            error={error('spam.maxLinks')}
          />
          <TextField
            label={t.duplicateWindow}
            type="number"
            min={0}
            value={draft.duplicateWindowMinutes}
            onValue={set('duplicateWindowMinutes')}
            error={error('spam.duplicateWindowMinutes')}
          />
          <TextArea
            label={t.blockedWords}
            hint={t.oneALine}
            value={draft.blockedWords}
            onValue={set('blockedWords')}
            rows={3}
            error={error('spam.blockedWords')}
          />
          <TextArea
            label={t.blockedEmails}
            hint={t.blockedEmailsHint}
            value={draft.blockedEmails}
            onValue={set('blockedEmails')}
            rows={3}
            error={error('spam.blockedEmails')}
          />
          <TextField
            label={t.turnstileSecret}
            hint={t.turnstileHint}
            type="password"
            autoComplete="off"
            value={draft.turnstileSecret}
            onValue={set('turnstileSecret')}
            error={error('spam.turnstileSecret')}
          />
          <TextArea
            label={t.blockedIps}
            hint={t.oneALine}
            value={draft.blockedIps}
            onValue={set('blockedIps')}
            rows={3}
            error={error('spam.blockedIps')}
          />
        </fieldset>
      </Section>
      <Section title={t.limits}>
        <fieldset disabled={!editable} class="plain">
          <TextField
            label={t.maxFields}
            type="number"
            min={1}
            value={draft.maxFields}
            onValue={set('maxFields')}
            error={error('maxFields')}
          />
          <TextField
            label={t.maxFieldLength}
            type="number"
            min={1}
            value={draft.maxFieldLength}
            onValue={set('maxFieldLength')}
            error={error('maxFieldLength')}
          />
          <TextField
            label={t.perAddress}
            type="number"
            min={1}
            value={draft.perAddressPerHour}
            onValue={set('perAddressPerHour')}
            error={error('rateLimits.perAddressPerHour')}
          />
          <TextField
            label={t.perForm}
            type="number"
            min={1}
            value={draft.perFormPerHour}
            onValue={set('perFormPerHour')}
            error={error('rateLimits.perFormPerHour')}
          />
          <TextField
            label={t.retention}
            hint={t.retentionHint}
            type="number"
            min={1}
            value={draft.retentionDays}
            onValue={set('retentionDays')}
            error={error('retentionDays')}
          />
        </fieldset>
      </Section>
      {editable && (
        <div class="sticky-actions">
          <FormError message={save.error} />
          <button type="submit" class="button button-primary" disabled={save.busy}>
            {save.busy ? strings.states.saving : t.save}
          </button>
        </div>
      )}
    </form>
  )
}
