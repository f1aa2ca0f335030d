import { useState } from 'preact/hooks'
import { api } from '../../api/client.ts'
import { ok } from '../../api/result.ts'
import { useAction } from '../../hooks/use-action.ts'
import { useLoad } from '../../hooks/use-load.ts'
import { useSite } from '../../session/site.tsx'
import { strings } from '../../strings/index.ts'
import { announce } from '../../ui/announcer.tsx'
import { ConfirmDialog } from '../../ui/dialog.tsx'
import { FormError, TextField } from '../../ui/field.tsx'
import { FormDialog } from '../../ui/form-dialog.tsx'
import { Section } from '../../ui/page.tsx'
import { ScrollRegion } from '../../ui/scroll-region.tsx'
import { Loadable } from '../../ui/states.tsx'
import { Time } from '../../ui/time.tsx'
import { loadSite, type SiteSettings } from './general-settings.tsx'
import { NewSecretDialog } from './new-secret-dialog.tsx'

type SecretKey = SiteSettings['secretKeys'][number]

/**
 * The site's secret keys: create, rotate (a new key with the same label, the old one working
 * until revoked, so servers can switch over first), revoke. A new key is shown once.
 */
export function KeysSettings() {
  const site = useSite()
  const load = useLoad(loadSite, [site.id])
  const [creating, setCreating] = useState(false)
  const [label, setLabel] = useState('')
  const [created, setCreated] = useState<string | null>(null)
  const [revoking, setRevoking] = useState<SecretKey | null>(null)
  const t = strings.keys

  const create = useAction(async (keyLabel: string) => {
    const key = await ok(api.POST('/v1/admin/keys', { body: { label: keyLabel } }))
    load.update((d) => ({
      ...d,
      secretKeys: [
        ...d.secretKeys,
        {
          id: key.id,
          label: key.label,
          hint: key.hint,
          createdAt: key.createdAt,
          lastUsedAt: null,
        },
      ],
    }))
    setCreating(false)
    setLabel('')
    setCreated(key.key)
  })
  const revoke = useAction(async (key: SecretKey) => {
    await ok(api.DELETE('/v1/admin/keys/{id}', { params: { path: { id: key.id } } }))
    load.update((d) => ({ ...d, secretKeys: d.secretKeys.filter((k) => k.id !== key.id) }))
    setRevoking(null)
    announce(t.revoked)
  })

  return (
    <Section
      title={t.title}
      actions={
        <button type="button" class="button button-primary" onClick={() => setCreating(true)}>
          {t.create}
        </button>
      }
    >
      <p class="muted">{t.intro}</p>
      <p class="muted">{t.rotateIntro}</p>
      <FormError message={create.error && !creating ? create.error : null} />
      <Loadable load={load} isEmpty={(d) => d.secretKeys.length === 0} empty={<p>{t.none}</p>}>
        {(data) => (
          <ScrollRegion label={t.title}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.label}</th>
                  <th scope="col">{t.hint}</th>
                  <th scope="col">{t.created}</th>
                  <th scope="col">{t.lastUsed}</th>
                  <th scope="col">
                    <span class="visually-hidden">{strings.actions.edit}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.secretKeys.map((key) => (
                  <tr key={key.id}>
                    <td>{key.label}</td>
                    <td>
                      <code>{key.hint}</code>
                    </td>
                    <td>
                      <Time ms={key.createdAt} />
                    </td>
                    <td>{key.lastUsedAt ? <Time ms={key.lastUsedAt} /> : strings.time.never}</td>
                    <td>
                      <div class="button-row">
                        <button
                          type="button"
                          class="button button-small"
                          aria-label={t.rotate(key.label)}
                          disabled={create.busy}
                          onClick={() => create.run(t.rotatedLabel(key.label).slice(0, 100))}
                        >
                          {t.rotateButton}
                        </button>
                        <button
                          type="button"
                          class="button button-small"
                          aria-label={t.revoke(key.label)}
                          onClick={() => setRevoking(key)}
                        >
                          {t.revokeButton}
                        </button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </Loadable>

      <FormDialog
        title={t.create}
        open={creating}
        submitLabel={t.create}
        action={create}
        onSubmit={() => create.run(label.trim())}
        onClose={() => setCreating(false)}
      >
        <TextField
          label={t.createLabel}
          hint={t.createLabelHint}
          value={label}
          onValue={setLabel}
          maxLength={100}
          error={create.fields.label}
        />
      </FormDialog>
      <NewSecretDialog secret={created} onClose={() => setCreated(null)} />
      <ConfirmDialog
        open={revoking !== null}
        title={revoking ? t.revoke(revoking.label) : ''}
        message={revoking && <p>{t.revokeConfirm(revoking.label, revoking.hint)}</p>}
        confirmLabel={revoking ? t.revoke(revoking.label) : ''}
        busy={revoke.busy}
        error={revoke.error}
        onConfirm={() => revoking && revoke.run(revoking)}
        onClose={() => setRevoking(null)}
      />
    </Section>
  )
}
