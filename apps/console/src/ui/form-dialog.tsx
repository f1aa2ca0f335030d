import type { ComponentChildren } from 'preact'
import type { Action } from '../hooks/use-action.ts'
import { strings } from '../strings/index.ts'
import { Dialog } from './dialog.tsx'
import { FormError } from './field.tsx'

/**
 * A dialog holding one form: the failure of `action` above the fields, then Cancel and a submit
 * button that stays disabled while the action runs (a second click would send it twice).
 *
 * @example
 * <FormDialog title={t.create} submitLabel={t.create} action={create} onSubmit={() => create.run()}
 *   onClose={close}><TextField … /></FormDialog>
 */
export function FormDialog({
  title,
  open = true,
  submitLabel,
  action,
  onSubmit,
  onClose,
  children,
}: {
  title: string
  open?: boolean
  submitLabel: string
  action: Pick<Action<never>, 'busy' | 'error'>
  onSubmit(): void
  onClose(): void
  children: ComponentChildren
}) {
  return (
    <Dialog title={title} open={open} onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          onSubmit()
        }}
      >
        <FormError message={action.error} />
        {children}
        <div class="dialog-actions">
          <button type="button" class="button" onClick={onClose}>
            {strings.actions.cancel}
          </button>
          <button type="submit" class="button button-primary" disabled={action.busy}>
            {submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
