import { useState } from 'preact/hooks'
import { api } from '../../api/client.ts'
import { ok } from '../../api/result.ts'
import { useAction } from '../../hooks/use-action.ts'
import { strings } from '../../strings/index.ts'
import { announce } from '../../ui/announcer.tsx'
import { SelectField, TextArea, TextField } from '../../ui/field.tsx'
import { FormDialog } from '../../ui/form-dialog.tsx'
import type { Category } from './categories.tsx'

/** Creates a category (`category` null) or changes one. */
export function CategoryDialog({
  category,
  nextPosition,
  onClose,
  onSaved,
}: {
  category: Category | null
  nextPosition: number
  onClose(): void
  onSaved(category: Category): void
}) {
  const t = strings.categories
  const [name, setName] = useState(category?.name ?? '')
  const [slug, setSlug] = useState(category?.slug ?? '')
  const [description, setDescription] = useState(category?.description ?? '')
  const [readAccess, setReadAccess] = useState<Category['readAccess']>(
    category?.readAccess ?? 'everyone',
  )
  const [threadAccess, setThreadAccess] = useState<Category['threadAccess']>(
    category?.threadAccess ?? 'members',
  )
  const save = useAction(async () => {
    const body = {
      name: name.trim(),
      slug: slug.trim(),
      description: description.trim(),
      readAccess,
      threadAccess,
    }
    const saved = category
      ? await ok(
          api.PATCH('/v1/admin/forum/categories/{slug}', {
            params: { path: { slug: category.slug } },
            body,
          }),
        )
      : await ok(
          api.POST('/v1/admin/forum/categories', { body: { ...body, position: nextPosition } }),
        )
    announce(category ? t.saved : t.created)
    onSaved(saved)
  })
  const title = category ? t.edit(category.name) : t.create
  return (
    <FormDialog
      title={title}
      submitLabel={strings.actions.save}
      action={save}
      onSubmit={() => save.run()}
      onClose={onClose}
    >
      <TextField
        label={t.name}
        value={name}
        onValue={setName}
        required
        maxLength={100}
        error={save.fields.name}
      />
      <TextField
        label={t.slug}
        hint={t.slugHint}
        value={slug}
        onValue={setSlug}
        required
        autoComplete="off"
        spellcheck={false}
        error={save.fields.slug}
      />
      <TextArea
        label={t.description}
        value={description}
        onValue={setDescription}
        rows={2}
        error={save.fields.description}
      />
      <SelectField
        label={t.readAccess}
        value={readAccess}
        onValue={setReadAccess}
        options={[
          { value: 'everyone', label: t.everyone },
          { value: 'members', label: t.members },
        ]}
      />
      <SelectField
        label={t.threadAccess}
        value={threadAccess}
        onValue={setThreadAccess}
        options={[
          { value: 'members', label: t.members },
          { value: 'moderators', label: t.moderators },
        ]}
      />
    </FormDialog>
  )
}
