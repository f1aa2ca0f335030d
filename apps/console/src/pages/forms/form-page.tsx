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
import { ConfirmDialog } from '../../ui/dialog.tsx'
import { PageHeader } from '../../ui/page.tsx'
import { Loadable } from '../../ui/states.tsx'
import { FormEditor } from './form-editor.tsx'
import { SnippetsSection } from './snippets-section.tsx'
import { WebhookSection } from './webhook-section.tsx'

export type AdminForm = Awaited<ReturnType<typeof loadForm>>['form']

async function loadForm(formId: string) {
  // The form, and the site for the snippets' publishable key: two requests, side by side.
  const [form, site] = await Promise.all([
    ok(api.GET('/v1/admin/forms/{formId}', { params: { path: { formId } } })),
    ok(api.GET('/v1/admin/site')),
  ])
  return { form, publishableKey: site.publishableKey }
}

/** One form: its editor, its webhook, and the snippets that put it on a page. */
export function FormPage({ formId }: { formId: string }) {
  const site = useSite()
  const load = useLoad(() => loadForm(formId), [site.id, formId])
  const title = load.state.status === 'ready' ? load.state.data.form.name : strings.forms.title
  return (
    <>
      <PageHeader title={title}>
        <a class="button" href={paths.site(site.id, 'forms')}>
          {strings.forms.back}
        </a>
      </PageHeader>
      <Loadable load={load}>
        {({ form, publishableKey }) => (
          <>
            <FormEditor
              form={form}
              editable={site.can('editForms')}
              onSaved={(saved) => load.update((d) => ({ ...d, form: saved }))}
            />
            <WebhookSection form={form} editable={site.can('editForms')} />
            <SnippetsSection form={form} publishableKey={publishableKey} />
            {site.can('editForms') && <DeleteForm form={form} />}
          </>
        )}
      </Loadable>
    </>
  )
}

function DeleteForm({ form }: { form: AdminForm }) {
  const site = useSite()
  const { route } = useLocation()
  const [confirming, setConfirming] = useState(false)
  const t = strings.formEditor
  const remove = useAction(async () => {
    await ok(api.DELETE('/v1/admin/forms/{formId}', { params: { path: { formId: form.id } } }))
    announce(t.deleted)
    route(paths.site(site.id, 'forms'))
  })
  return (
    <section class="section danger-zone" aria-label={t.delete}>
      <button type="button" class="button button-danger" onClick={() => setConfirming(true)}>
        {t.delete}
      </button>
      <ConfirmDialog
        open={confirming}
        title={t.delete}
        message={<p>{t.deleteConfirm(form.name)}</p>}
        confirmLabel={t.delete}
        busy={remove.busy}
        error={remove.error}
        onConfirm={() => remove.run()}
        onClose={() => setConfirming(false)}
      />
    </section>
  )
}
