import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso/router'
import { api } from '../../api/client.ts'
import { ok } from '../../api/result.ts'
import { paths } from '../../app/paths.ts'
import { useAction } from '../../hooks/use-action.ts'
import { useLoad } from '../../hooks/use-load.ts'
import { useSite } from '../../session/site.tsx'
import { strings } from '../../strings/index.ts'
import { announce } from '../../ui/announcer.tsx'
import { TextField } from '../../ui/field.tsx'
import { FormDialog } from '../../ui/form-dialog.tsx'
import { PageHeader } from '../../ui/page.tsx'
import { Loadable } from '../../ui/states.tsx'

/** The site's forms; an editor creates one here and lands in its editor. */
export function FormsPage() {
  const site = useSite()
  const load = useLoad(() => ok(api.GET('/v1/admin/forms')), [site.id])
  const [creating, setCreating] = useState(false)
  const t = strings.forms
  return (
    <>
      <PageHeader title={t.title} description={t.intro}>
        {site.can('editForms') && (
          <button type="button" class="button button-primary" onClick={() => setCreating(true)}>
            {t.create}
          </button>
        )}
      </PageHeader>
      <Loadable load={load} isEmpty={(d) => d.items.length === 0} empty={<p>{t.none}</p>}>
        {(data) => (
          <ul class="item-list">
            {data.items.map((form) => (
              <li key={form.id}>
                <div class="item-title">
                  <a href={paths.form(site.id, form.id)}>{form.name}</a>{' '}
                  <span class={form.enabled ? 'badge badge-success' : 'badge badge-muted'}>
                    {form.enabled ? t.enabled : t.disabled}
                  </span>
                </div>
                <div class="item-meta">
                  <code>{form.id}</code>
                  <span>{t.fieldCount(Object.keys(form.settings.fields).length)}</span>
                </div>
              </li>
            ))}
          </ul>
        )}
      </Loadable>
      <CreateFormDialog open={creating} onClose={() => setCreating(false)} />
    </>
  )
}

function CreateFormDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const site = useSite()
  const { route } = useLocation()
  const [id, setId] = useState('')
  const [name, setName] = useState('')
  const t = strings.forms
  const create = useAction(async () => {
    const form = await ok(
      api.POST('/v1/admin/forms', { body: { id: id.trim(), name: name.trim() } }),
    )
    announce(t.created)
    route(paths.form(site.id, form.id))
  })
  return (
    <FormDialog
      title={t.create}
      open={open}
      submitLabel={t.create}
      action={create}
      onSubmit={() => create.run()}
      onClose={onClose}
    >
      <TextField
        label={t.name}
        value={name}
        onValue={setName}
        required
        maxLength={100}
        error={create.fields.name}
      />
      <TextField
        label={t.id}
        hint={t.idHint}
        value={id}
        onValue={setId}
        required
        pattern="[a-z0-9][a-z0-9_-]*"
        maxLength={63}
        autoComplete="off"
        spellcheck={false}
        error={create.fields.id}
      />
    </FormDialog>
  )
}
