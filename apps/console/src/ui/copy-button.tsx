import { strings } from '../strings/index.ts'
import { announce } from './announcer.tsx'
import { ScrollRegion } from './scroll-region.tsx'

/** Copies `text` to the clipboard and says so; `label` names what is copied for screen readers. */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  return (
    <button
      type="button"
      class="button button-small"
      aria-label={label ? `${strings.actions.copy}: ${label}` : undefined}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(text)
          announce(strings.actions.copied)
        } catch {
          announce(strings.actions.copyFailed)
        }
      }}
    >
      {strings.actions.copy}
    </button>
  )
}

/** A value to copy, shown whole in a monospace box with its copy button. */
export function CopyBox({ text, label }: { text: string; label: string }) {
  return (
    <div class="copy-box">
      <ScrollRegion label={label} class="copy-text">
        <pre>
          <code>{text}</code>
        </pre>
      </ScrollRegion>
      <CopyButton text={text} label={label} />
    </div>
  )
}
