import { useState } from 'preact/hooks'
import { paths } from '../../app/paths.ts'
import { useAction } from '../../hooks/use-action.ts'
import { createSite } from '../../session/operator-api.ts'
import { useSession } from '../../session/session.tsx'
import { strings } from '../../strings/index.ts'
import { CopyBox } from '../../ui/copy-button.tsx'
import { FormError, TextArea, TextField } from '../../ui/field.tsx'
import { PageHeader } from '../../ui/page.tsx'

type Created = Awaited<ReturnType<typeof createSite>>

/** A new site: its name and origins; then its keys, the secret one shown this once. */
export function NewSitePage() {
  const { refresh } = useSession()
  const [name, setName] = useState('')
  const [origins, setOrigins] = useState('')
  const [created, setCreated] = useState<Created | null>(null)
  const t = strings.newSite
  const create = useAction(async () => {
    const site = await createSite({
      name: name.trim(),
      origins: origins
        .split('\n')
        .map((o) => o.trim())
        .filter(Boolean),
    })
    setCreated(site)
    await refresh()
  })
  if (created) {
    return (
      <>
        <PageHeader title={t.created(created.name)} />
        <h2>{strings.general.publishableKey}</h2>
        <CopyBox text={created.publishableKey} label={strings.general.publishableKey} />
        <div class="secret">
          <h2>{strings.keys.newKeyTitle}</h2>
          <p>{strings.keys.newKeyIntro}</p>
          <CopyBox text={created.secretKey} label={strings.keys.newKeyTitle} />
        </div>
        <a class="button button-primary" href={paths.site(created.id)}>
          {t.open}
        </a>
      </>
    )
  }
  return (
    <>
      <PageHeader title={t.title} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          create.run()
        }}
      >
        <FormError message={create.error} />
        <TextField
          label={t.name}
          value={name}
          onValue={setName}
          required
          maxLength={100}
          error={create.fields.name}
        />
        <TextArea
          label={t.origins}
          hint={t.originsHint}
          value={origins}
          onValue={setOrigins}
          rows={3}
          error={create.fields.origins}
        />
        <button type="submit" class="button button-primary" disabled={create.busy}>
          {t.create}
        </button>
      </form>
    </>
  )
}
