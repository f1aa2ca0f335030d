import { strings } from '../../strings/index.ts'
import { CopyBox } from '../../ui/copy-button.tsx'
import { Section } from '../../ui/page.tsx'
import type { AdminForm } from './form-page.tsx'
import { htmlSnippet, scriptTagSnippet, sdkSnippet } from './snippets.ts'

/** Copy-ready code for each way to put the form on a page, from the form as saved. */
export function SnippetsSection({
  form,
  publishableKey,
}: {
  form: AdminForm
  publishableKey: string
}) {
  const t = strings.snippets
  // The console is served by the API's own server: its origin is the API's URL.
  const target = { apiUrl: location.origin, publishableKey }
  const snippetForm = {
    id: form.id,
    fields: form.settings.fields,
    honeypotField: form.settings.spam.honeypotField,
  }
  return (
    <Section title={t.title}>
      <p class="muted">{t.intro}</p>
      <h3>{t.html}</h3>
      <p class="muted">{t.htmlIntro}</p>
      <CopyBox text={htmlSnippet(target, snippetForm, t.send)} label={t.html} />
      <h3>{t.script}</h3>
      <p class="muted">{t.scriptIntro}</p>
      <CopyBox text={scriptTagSnippet(target, snippetForm, t.send)} label={t.script} />
      <h3>{t.sdk}</h3>
      <p class="muted">{t.sdkIntro}</p>
      <CopyBox text={sdkSnippet(target, form.id)} label={t.sdk} />
    </Section>
  )
}
