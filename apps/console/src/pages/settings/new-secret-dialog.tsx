import { strings } from '../../strings/index.ts'
import { CopyBox } from '../../ui/copy-button.tsx'
import { Dialog } from '../../ui/dialog.tsx'

/** A new secret key, shown this once: the server keeps only its hash. */
export function NewSecretDialog({ secret, onClose }: { secret: string | null; onClose(): void }) {
  const t = strings.keys
  return (
    <Dialog title={t.newKeyTitle} open={secret !== null} onClose={onClose}>
      <div class="secret">
        <p>{t.newKeyIntro}</p>
        <CopyBox text={secret ?? ''} label={t.newKeyTitle} />
      </div>
      <div class="dialog-actions">
        <button type="button" class="button button-primary" onClick={onClose}>
          {t.newKeyDone}
        </button>
      </div>
    </Dialog>
  )
}
