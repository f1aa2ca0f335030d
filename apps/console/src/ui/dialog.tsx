import type { ComponentChildren } from 'preact'
import { useEffect, useId, useRef } from 'preact/hooks'
import { strings } from '../strings/index.ts'

/**
 * A modal dialog on the browser's own `<dialog>`: it keeps focus inside, closes on Escape, and
 * gives focus back to what opened it.
 */
export function Dialog({
  title,
  open,
  onClose,
  children,
}: {
  title: string
  open: boolean
  onClose(): void
  children: ComponentChildren
}) {
  const dialog = useRef<HTMLDialogElement>(null)
  const headingId = useId()
  useEffect(() => {
    const element = dialog.current
    if (!element) return
    if (open && !element.open) element.showModal()
    if (!open && element.open) element.close()
  }, [open])
  return (
    <dialog
      ref={dialog}
      class="dialog"
      aria-labelledby={headingId}
      onClose={() => {
        if (open) onClose()
      }}
    >
      <div class="dialog-header">
        <h2 id={headingId}>{title}</h2>
        <button type="button" class="button button-quiet" onClick={onClose}>
          {strings.actions.close}
        </button>
      </div>
      {open && children}
    </dialog>
  )
}

/**
 * Asks before something that cannot be undone; `confirmLabel` names the action ("Delete
 * submission"), so the button says what it does.
 */
export function ConfirmDialog({
  open,
  title = strings.confirm.title,
  message,
  confirmLabel,
  danger = true,
  busy = false,
  error,
  onConfirm,
  onClose,
  children,
}: {
  open: boolean
  title?: string
  message: ComponentChildren
  confirmLabel: string
  danger?: boolean
  busy?: boolean
  error?: string | null
  onConfirm(): void
  onClose(): void
  children?: ComponentChildren
}) {
  return (
    <Dialog title={title} open={open} onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault()
          onConfirm()
        }}
      >
        <div class="dialog-body">{message}</div>
        {children}
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <div class="dialog-actions">
          <button type="button" class="button" onClick={onClose}>
            {strings.actions.cancel}
          </button>
          <button
            type="submit"
            class={danger ? 'button button-danger' : 'button button-primary'}
            disabled={busy}
          >
            {confirmLabel}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
