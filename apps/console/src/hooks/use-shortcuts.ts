import { useEffect, useRef } from 'preact/hooks'

/** Keys by what `KeyboardEvent.key` reports: 'j', '#', '!', '?', 'Escape'. */
export type Shortcuts = Record<string, (event: KeyboardEvent) => void>

/** Whether a key press belongs to what has focus: typing in a field, or a control's own keys. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  const tag = target.tagName
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT'
}

/**
 * Single-key shortcuts for a page, while it is shown. Keys typed into a field, and keys with
 * Ctrl, Alt or Meta (the browser's and the system's), are left alone; so is anything while a
 * dialog is open.
 *
 * @example
 * useShortcuts({ j: next, k: previous, e: archive })
 */
export function useShortcuts(shortcuts: Shortcuts) {
  const current = useRef(shortcuts)
  current.current = shortcuts
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return
      if (isTyping(event.target) || document.querySelector('dialog[open]')) return
      const action = current.current[event.key]
      if (!action) return
      event.preventDefault()
      action(event)
    }
    addEventListener('keydown', onKey)
    return () => removeEventListener('keydown', onKey)
  }, [])
}
