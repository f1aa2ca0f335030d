import { useState } from 'preact/hooks'
import { api } from '../../api/client.ts'
import { ok } from '../../api/result.ts'
import { useAction } from '../../hooks/use-action.ts'
import { useLoad } from '../../hooks/use-load.ts'
import { useSite } from '../../session/site.tsx'
import { strings } from '../../strings/index.ts'
import { announce } from '../../ui/announcer.tsx'
import { ConfirmDialog } from '../../ui/dialog.tsx'
import { FormError } from '../../ui/field.tsx'
import { Loadable } from '../../ui/states.tsx'
import { CategoryDialog } from './category-dialog.tsx'

export type Category = Awaited<ReturnType<typeof loadCategories>>['items'][number]

function loadCategories() {
  return ok(api.GET('/v1/admin/forum/categories'))
}

const byPosition = (a: Category, b: Category) =>
  a.position - b.position || a.name.localeCompare(b.name)

/** The categories in the order members see them: create, edit, reorder, delete. */
export function Categories() {
  const site = useSite()
  const load = useLoad(loadCategories, [site.id])
  const [editing, setEditing] = useState<Category | 'new' | null>(null)
  const [deleting, setDeleting] = useState<Category | null>(null)
  const editable = site.can('editForum')
  const t = strings.categories

  const move = useAction(async (list: Category[], index: number, by: -1 | 1) => {
    const a = list[index]
    const b = list[index + by]
    if (!a || !b) return
    // Swapped in place: equal positions (every category at 0) get distinct ones first.
    const [pa, pb] = a.position === b.position ? [index + by, index] : [b.position, a.position]
    const patch = (slug: string, position: number) =>
      ok(
        api.PATCH('/v1/admin/forum/categories/{slug}', {
          params: { path: { slug } },
          body: { position },
        }),
      )
    const [movedA, movedB] = await Promise.all([patch(a.slug, pa), patch(b.slug, pb)])
    load.update((d) => ({
      items: d.items.map((c) => (c.id === movedA.id ? movedA : c.id === movedB.id ? movedB : c)),
    }))
  })
  const remove = useAction(async (category: Category) => {
    await ok(
      api.DELETE('/v1/admin/forum/categories/{slug}', {
        params: { path: { slug: category.slug } },
      }),
    )
    load.update((d) => ({ items: d.items.filter((c) => c.id !== category.id) }))
    setDeleting(null)
    announce(t.deleted)
  })

  return (
    <>
      {editable && (
        <div class="button-row">
          <button type="button" class="button button-primary" onClick={() => setEditing('new')}>
            {t.create}
          </button>
        </div>
      )}
      <FormError message={move.error} />
      <Loadable load={load} isEmpty={(d) => d.items.length === 0} empty={<p>{t.none}</p>}>
        {(data) => {
          const list = [...data.items].sort(byPosition)
          return (
            <ol class="item-list">
              {list.map((category, index) => (
                <li key={category.id} class="category-row">
                  <div>
                    <div class="item-title">{category.name}</div>
                    <div class="item-meta">
                      <code>{category.slug}</code>
                      <span>
                        {t.readAccess}:{' '}
                        {category.readAccess === 'everyone' ? t.everyone : t.members}
                      </span>
                      <span>
                        {t.threadAccess}:{' '}
                        {category.threadAccess === 'members' ? t.members : t.moderators}
                      </span>
                    </div>
                    {category.description && <p class="field-hint">{category.description}</p>}
                  </div>
                  {editable && (
                    <div class="button-row">
                      <button
                        type="button"
                        class="button button-small"
                        aria-label={t.moveUp(category.name)}
                        disabled={index === 0 || move.busy}
                        onClick={() => move.run(list, index, -1)}
                      >
                        {t.up}
                      </button>
                      <button
                        type="button"
                        class="button button-small"
                        aria-label={t.moveDown(category.name)}
                        disabled={index === list.length - 1 || move.busy}
                        onClick={() => move.run(list, index, 1)}
                      >
                        {t.down}
                      </button>
                      <button
                        type="button"
                        class="button button-small"
                        aria-label={t.edit(category.name)}
                        onClick={() => setEditing(category)}
                      >
                        {strings.actions.edit}
                      </button>
                      <button
                        type="button"
                        class="button button-small"
                        aria-label={t.deleteCategory(category.name)}
                        onClick={() => setDeleting(category)}
                      >
                        {strings.actions.delete}
                      </button>
                    </div>
                  )}
                </li>
              ))}
            </ol>
          )
        }}
      </Loadable>
      {editing && (
        <CategoryDialog
          category={editing === 'new' ? null : editing}
          nextPosition={load.state.status === 'ready' ? load.state.data.items.length : 0}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            load.update((d) => ({
              items: d.items.some((c) => c.id === saved.id)
                ? d.items.map((c) => (c.id === saved.id ? saved : c))
                : [...d.items, saved],
            }))
            setEditing(null)
          }}
        />
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={deleting ? t.deleteCategory(deleting.name) : ''}
        message={deleting && <p>{t.deleteConfirm(deleting.name)}</p>}
        confirmLabel={deleting ? t.deleteCategory(deleting.name) : ''}
        busy={remove.busy}
        error={remove.error}
        onConfirm={() => deleting && remove.run(deleting)}
        onClose={() => setDeleting(null)}
      />
    </>
  )
}
