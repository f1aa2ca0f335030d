import { strings } from '../../strings/index.ts'
import { CopyBox } from '../../ui/copy-button.tsx'

/** The ten recovery codes, shown once, with a way to copy them all. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone(): void }) {
  const t = strings.totpSetup
  return (
    <div class="secret">
      <h2>{t.recoveryTitle}</h2>
      <p>{t.recoveryIntro}</p>
      <ol class="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <CopyBox text={codes.join('\n')} label={t.recoveryTitle} />
      <button type="button" class="button button-primary" onClick={onDone}>
        {t.recoverySaved}
      </button>
    </div>
  )
}
