import { useEffect, useState } from 'preact/hooks'

type Listener = (message: string) => void
let listener: Listener = () => {}

/**
 * Tells the operator that something happened ("Saved.", "3 submissions archived."): shown for
 * a few seconds and read out by screen readers, without moving focus.
 *
 * @example announce(strings.states.saved)
 */
export function announce(message: string) {
  listener(message)
}

// Long enough to read a sentence; the message stays in the page's text until replaced.
const visibleMs = 6000

/** The one live region every announcement goes through; the shell renders it once. */
export function Announcer() {
  const [message, setMessage] = useState('')
  const [visible, setVisible] = useState(false)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    listener = (text) => {
      // Emptied first, so the same message twice is announced twice.
      setMessage('')
      requestAnimationFrame(() => {
        setMessage(text)
        setVisible(true)
      })
      clearTimeout(timer)
      timer = setTimeout(() => setVisible(false), visibleMs)
    }
    return () => {
      listener = () => {}
      clearTimeout(timer)
    }
  }, [])
  return (
    <div class={visible ? 'toast toast-visible' : 'toast'} role="status" aria-live="polite">
      {message}
    </div>
  )
}
