import { useState } from 'preact/hooks'
import { api } from '../../api/client.ts'
import { ok } from '../../api/result.ts'
import { useAction } from '../../hooks/use-action.ts'
import { type Load, useLoad } from '../../hooks/use-load.ts'
import { useSession } from '../../session/session.tsx'
import { useSite } from '../../session/site.tsx'
import { strings } from '../../strings/index.ts'
import { announce } from '../../ui/announcer.tsx'
import { CopyBox } from '../../ui/copy-button.tsx'
import { ConfirmDialog } from '../../ui/dialog.tsx'
import { FormError, TextField } from '../../ui/field.tsx'
import { Section } from '../../ui/page.tsx'
import { Loadable } from '../../ui/states.tsx'

export type SiteSettings = Awaited<ReturnType<typeof loadSite>>

export function loadSite() {
  return ok(api.GET('/v1/admin/site'))
}

/** The site's name, its allowed origins and its publishable key. */
export function GeneralSettings() {
  const site = useSite()
  const load = useLoad(loadSite, [site.id])
  return (
    <Loadable load={load}>
      {(data) => (
        <>
          <NameSection data={data} load={load} />
          <OriginsSection data={data} load={load} />
          <PublishableKeySection data={data} load={load} />
        </>
      )}
    </Loadable>
  )
}

type Props = { data: SiteSettings; load: Load<SiteSettings> }

function NameSection({ data, load }: Props) {
  const site = useSite()
  const { refresh } = useSession()
  const [name, setName] = useState(data.name)
  const t = strings.general
  const save = useAction(async () => {
    await ok(api.PATCH('/v1/admin/site', { body: { name: name.trim() } }))
    load.update((d) => ({ ...d, name: name.trim() }))
    announce(t.renamed)
    // The site switcher shows the name too.
    await refresh()
  })
  const editable = site.can('ownSite')
  return (
    <Section title={t.site}>
      <dl class="details-grid">
        <dt>{t.siteId}</dt>
        <dd>
          <code>{data.id}</code>
        </dd>
      </dl>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          save.run()
        }}
      >
        <FormError message={save.error} />
        <TextField
          label={t.name}
          value={name}
          onValue={setName}
          readOnly={!editable}
          required
          maxLength={100}
          error={save.fields.name}
        />
        {editable && (
          <button type="submit" class="button button-primary" disabled={save.busy}>
            {t.rename}
          </button>
        )}
      </form>
    </Section>
  )
}

function OriginsSection({ data, load }: Props) {
  const site = useSite()
  const [origin, setOrigin] = useState('')
  const t = strings.general
  const editable = site.can('ownSite')
  const add = useAction(async () => {
    const answer = await ok(api.POST('/v1/admin/origins', { body: { origin: origin.trim() } }))
    load.update((d) => ({
      ...d,
      origins: [...d.origins.filter((o) => o !== answer.origin), answer.origin],
    }))
    setOrigin('')
    announce(t.originAdded)
  })
  const remove = useAction(async (value: string) => {
    await ok(api.DELETE('/v1/admin/origins/{origin}', { params: { path: { origin: value } } }))
    load.update((d) => ({ ...d, origins: d.origins.filter((o) => o !== value) }))
    announce(t.originRemoved)
  })
  return (
    <Section title={t.origins}>
      <p class="muted">{t.originsIntro}</p>
      {data.origins.length === 0 ? (
        <p class="state state-empty">{t.noOrigins}</p>
      ) : (
        <ul class="item-list">
          {data.origins.map((o) => (
            <li key={o} class="item-row">
              <code>{o}</code>
              {editable && (
                <button
                  type="button"
                  class="button button-small"
                  aria-label={t.removeOrigin(o)}
                  disabled={remove.busy}
                  onClick={() => remove.run(o)}
                >
                  {strings.actions.remove}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <FormError message={remove.error} />
      {editable && (
        <form
          class="inline-form"
          onSubmit={(e) => {
            e.preventDefault()
            add.run()
          }}
        >
          <FormError message={add.error} />
          <TextField
            label={t.origin}
            type="url"
            placeholder="https://example.com"
            value={origin}
            onValue={setOrigin}
            required
            error={add.fields.origin}
          />
          <button type="submit" class="button" disabled={add.busy}>
            {t.addOrigin}
          </button>
        </form>
      )}
    </Section>
  )
}

function PublishableKeySection({ data, load }: Props) {
  const site = useSite()
  const [confirming, setConfirming] = useState(false)
  const t = strings.general
  const rotate = useAction(async () => {
    const answer = await ok(api.POST('/v1/admin/publishable-key/rotate'))
    load.update((d) => ({ ...d, publishableKey: answer.publishableKey }))
    setConfirming(false)
    announce(t.publishableRotated)
  })
  return (
    <Section title={t.publishableKey}>
      <p class="muted">{t.publishableIntro}</p>
      <CopyBox text={data.publishableKey} label={t.publishableKey} />
      {site.can('ownSite') && (
        <>
          <button type="button" class="button" onClick={() => setConfirming(true)}>
            {t.rotatePublishable}
          </button>
          <ConfirmDialog
            open={confirming}
            title={t.rotatePublishable}
            message={<p>{t.rotatePublishableConfirm}</p>}
            confirmLabel={t.rotatePublishable}
            busy={rotate.busy}
            error={rotate.error}
            onConfirm={() => rotate.run()}
            onClose={() => setConfirming(false)}
          />
        </>
      )}
    </Section>
  )
}
