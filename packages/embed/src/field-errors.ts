let lastId = 0

/** What {@link markInvalidFields} did, and how to undo it. */
export interface MarkedFields {
  /** The first control marked, to move the focus to. */
  first: HTMLElement | undefined
  /** Messages for names the form has no visible control for, as `[name, message]`. */
  unmatched: [string, string][]
  /** Removes the marks and messages again. */
  clear(): void
}

/**
 * Marks each named field with the server's message: `aria-invalid="true"` on the control, and a
 * `<span data-porchlight-error>` after it (after its `<label>` when the control sits in one, so
 * the message does not become part of the label), tied to it with `aria-describedby` so screen
 * readers read it with the field.
 *
 * @throws Nothing.
 * @example
 * const marked = markInvalidFields(form, { email: 'Must be an email address.' })
 * marked.first?.focus()
 */
export function markInvalidFields(
  form: HTMLFormElement,
  fields: Record<string, string>,
): MarkedFields {
  const undo: (() => void)[] = []
  const unmatched: [string, string][] = []
  let first: HTMLElement | undefined
  for (const [name, text] of Object.entries(fields)) {
    const item = form.elements.namedItem(name)
    // A RadioNodeList for a group of radios or checkboxes sharing the name.
    const controls = (item instanceof RadioNodeList ? [...item] : item ? [item] : []).filter(
      (control): control is HTMLInputElement =>
        control instanceof HTMLElement && (control as HTMLInputElement).type !== 'hidden',
    )
    const control = controls[0]
    if (!control) {
      unmatched.push([name, text])
      continue
    }
    const message = document.createElement('span')
    message.id = `porchlight-error-${++lastId}`
    message.dataset.porchlightError = name
    message.textContent = text
    // A group's message goes after its fieldset, where it reads as being about the whole group.
    const anchor =
      (controls.length > 1 && control.closest('fieldset')) || control.closest('label') || control
    anchor.after(message)
    for (const each of controls) {
      const describedBy = each.getAttribute('aria-describedby')
      each.setAttribute('aria-invalid', 'true')
      each.setAttribute(
        'aria-describedby',
        describedBy ? `${describedBy} ${message.id}` : message.id,
      )
      undo.push(() => {
        each.removeAttribute('aria-invalid')
        if (describedBy) each.setAttribute('aria-describedby', describedBy)
        else each.removeAttribute('aria-describedby')
      })
    }
    undo.push(() => message.remove())
    first ??= control
  }
  return {
    first,
    unmatched,
    clear: () => {
      for (const step of undo) step()
    },
  }
}
