import { useState } from 'preact/hooks'
import { api } from '../../api/client.ts'
import { ok } from '../../api/result.ts'
import type { operations } from '../../api/schema'
import { useAction } from '../../hooks/use-action.ts'
import { useLoad } from '../../hooks/use-load.ts'
import { useSite } from '../../session/site.tsx'
import { strings } from '../../strings/index.ts'
import { announce } from '../../ui/announcer.tsx'
import { CopyBox } from '../../ui/copy-button.tsx'
import { ConfirmDialog } from '../../ui/dialog.tsx'
import { CheckboxField, SelectField, TextArea, TextField } from '../../ui/field.tsx'
import { FormDialog } from '../../ui/form-dialog.tsx'
import { Section } from '../../ui/page.tsx'
import { ScrollRegion } from '../../ui/scroll-region.tsx'
import { Loadable } from '../../ui/states.tsx'

type Providers = Awaited<ReturnType<typeof loadProviders>>
type Provider = Providers['providers'][number]
export type ProviderKind = Provider['kind']

const kinds: ProviderKind[] = ['github', 'google', 'microsoft', 'apple', 'oidc']

function loadProviders() {
  return ok(api.GET('/v1/admin/sign-in-providers'))
}

/** What the dialog edits; secrets start empty (write-only: empty keeps the stored one). */
type Draft = {
  id: string
  kind: ProviderKind
  displayName: string
  clientId: string
  clientSecret: string
  issuer: string
  teamId: string
  keyId: string
  privateKey: string
  enabled: boolean
}

const blank: Draft = {
  id: '',
  kind: 'github',
  displayName: '',
  clientId: '',
  clientSecret: '',
  issuer: '',
  teamId: '',
  keyId: '',
  privateKey: '',
  enabled: true,
}

function draftOf(p: Provider): Draft {
  return {
    ...blank,
    id: p.id,
    kind: p.kind,
    displayName: p.displayName,
    clientId: p.clientId,
    issuer: p.issuer ?? '',
    teamId: p.options.teamId ?? '',
    keyId: p.options.keyId ?? '',
    enabled: p.enabled,
  }
}

type ProviderBody =
  operations['putV1AdminSignInProvidersById']['requestBody']['content']['application/json']

/** The PUT body: only what the kind takes; secrets only when typed. */
function bodyOf(d: Draft): ProviderBody {
  return {
    kind: d.kind,
    clientId: d.clientId.trim(),
    enabled: d.enabled,
    ...(d.displayName.trim() && { displayName: d.displayName.trim() }),
    ...(d.clientSecret && { clientSecret: d.clientSecret }),
    ...((d.kind === 'oidc' || d.kind === 'microsoft') && { issuer: d.issuer.trim() || null }),
    ...(d.kind === 'apple' && {
      options: {
        teamId: d.teamId.trim(),
        keyId: d.keyId.trim(),
        ...(d.privateKey && { privateKey: d.privateKey }),
      },
    }),
  }
}

/**
 * "Sign in with …" for the site's members: the providers, the callback URL to register at each,
 * and (for owners) adding, changing and removing them. Secrets are write-only.
 */
export function SignInProviders() {
  const site = useSite()
  const load = useLoad(loadProviders, [site.id])
  const editable = site.can('ownSite')
  const [draft, setDraft] = useState<(Draft & { isNew: boolean }) | null>(null)
  const [removing, setRemoving] = useState<Provider | null>(null)
  const t = strings.signInProviders

  const save = useAction(async (d: Draft) => {
    const saved = await ok(
      api.PUT('/v1/admin/sign-in-providers/{id}', {
        params: { path: { id: d.id.trim() } },
        body: bodyOf(d),
      }),
    )
    load.update((data) => ({
      ...data,
      providers: [...data.providers.filter((p) => p.id !== saved.id), saved],
    }))
    setDraft(null)
    announce(t.saved)
  })
  const remove = useAction(async (p: Provider) => {
    await ok(api.DELETE('/v1/admin/sign-in-providers/{id}', { params: { path: { id: p.id } } }))
    load.update((data) => ({ ...data, providers: data.providers.filter((x) => x.id !== p.id) }))
    setRemoving(null)
    announce(t.removed)
  })
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((d) => d && { ...d, [key]: value })

  return (
    <Section
      title={t.title}
      actions={
        editable && (
          <button
            type="button"
            class="button button-primary"
            onClick={() => setDraft({ ...blank, isNew: true })}
          >
            {t.add}
          </button>
        )
      }
    >
      <p class="muted">{t.intro}</p>
      <Loadable load={load}>
        {(data) => (
          <>
            <CopyBox text={data.callbackUrl} label={t.callbackUrl} />
            {data.providers.length === 0 ? (
              <p>{t.none}</p>
            ) : (
              <ScrollRegion label={t.title}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t.name}</th>
                      <th scope="col">{t.kind}</th>
                      <th scope="col">{t.id}</th>
                      <th scope="col">{t.clientSecret}</th>
                      <th scope="col">{t.offered}</th>
                      {editable && (
                        <th scope="col">
                          <span class="visually-hidden">{strings.actions.edit}</span>
                        </th>
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {data.providers.map((p) => (
                      <tr key={p.id}>
                        <td>{p.displayName}</td>
                        <td>{t.kinds[p.kind]}</td>
                        <td>
                          <code>{p.id}</code>
                        </td>
                        <td>
                          {p.clientSecretSet || p.options.privateKeySet
                            ? t.secretSet
                            : t.secretMissing}
                        </td>
                        <td>{p.enabled ? t.on : t.off}</td>
                        {editable && (
                          <td>
                            <div class="button-row">
                              <button
                                type="button"
                                class="button button-small"
                                aria-label={t.edit(p.displayName)}
                                onClick={() => setDraft({ ...draftOf(p), isNew: false })}
                              >
                                {strings.actions.edit}
                              </button>
                              <button
                                type="button"
                                class="button button-small"
                                aria-label={t.remove(p.displayName)}
                                onClick={() => setRemoving(p)}
                              >
                                {strings.actions.remove}
                              </button>
                            </div>
                          </td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            )}
          </>
        )}
      </Loadable>

      {draft && (
        <FormDialog
          title={draft.isNew ? t.add : t.edit(draft.displayName || draft.id)}
          submitLabel={strings.actions.save}
          action={save}
          onSubmit={() => save.run(draft)}
          onClose={() => setDraft(null)}
        >
          <SelectField
            label={t.kind}
            value={draft.kind}
            onValue={set('kind')}
            options={kinds.map((k) => ({ value: k, label: t.kinds[k] }))}
          />
          {draft.isNew && (
            <TextField
              label={t.id}
              hint={t.idHint}
              value={draft.id}
              onValue={set('id')}
              required
              maxLength={40}
              pattern="[a-z0-9][a-z0-9-]*"
              error={save.fields.id}
            />
          )}
          <TextField
            label={t.displayName}
            hint={t.displayNameHint}
            value={draft.displayName}
            onValue={set('displayName')}
            maxLength={60}
            error={save.fields.displayName}
          />
          <TextField
            label={t.clientId}
            value={draft.clientId}
            onValue={set('clientId')}
            required
            error={save.fields.clientId}
          />
          {draft.kind !== 'apple' && (
            <TextField
              label={t.clientSecret}
              hint={draft.isNew ? undefined : t.secretKept}
              type="password"
              autocomplete="off"
              value={draft.clientSecret}
              onValue={set('clientSecret')}
              error={save.fields.clientSecret}
            />
          )}
          {(draft.kind === 'oidc' || draft.kind === 'microsoft') && (
            <TextField
              label={draft.kind === 'oidc' ? t.issuer : t.tenant}
              hint={draft.kind === 'oidc' ? t.issuerHint : t.tenantHint}
              type={draft.kind === 'oidc' ? 'url' : 'text'}
              value={draft.issuer}
              onValue={set('issuer')}
              required={draft.kind === 'oidc'}
              error={save.fields.issuer}
            />
          )}
          {draft.kind === 'apple' && (
            <>
              <TextField
                label={t.teamId}
                value={draft.teamId}
                onValue={set('teamId')}
                required
                error={save.fields['options.teamId'] ?? save.fields.options}
              />
              <TextField
                label={t.keyId}
                value={draft.keyId}
                onValue={set('keyId')}
                required
                error={save.fields['options.keyId']}
              />
              <TextArea
                label={t.privateKey}
                hint={draft.isNew ? undefined : t.secretKept}
                value={draft.privateKey}
                onValue={set('privateKey')}
                rows={5}
                error={save.fields['options.privateKey']}
              />
            </>
          )}
          <CheckboxField label={t.enabled} checked={draft.enabled} onChecked={set('enabled')} />
        </FormDialog>
      )}
      <ConfirmDialog
        open={removing !== null}
        title={removing ? t.remove(removing.displayName) : ''}
        message={removing && <p>{t.removeConfirm(removing.displayName)}</p>}
        confirmLabel={removing ? t.remove(removing.displayName) : ''}
        busy={remove.busy}
        error={remove.error}
        onConfirm={() => removing && remove.run(removing)}
        onClose={() => setRemoving(null)}
      />
    </Section>
  )
}
