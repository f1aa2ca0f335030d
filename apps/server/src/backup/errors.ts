/** Why a backup or restore was refused or failed; nothing was changed. */
export type BackupErrorCode =
  | 'BACKUP_EXISTS'
  | 'BACKUP_NOT_FOUND'
  | 'NOT_A_DATABASE'
  | 'INTEGRITY_CHECK_FAILED'
  | 'NOT_A_PORCHLIGHT_DATABASE'
  | 'NEWER_SCHEMA'
  | 'SAME_FILE'
  | 'DATABASE_IN_USE'
  | 'DATABASE_NOT_FOUND'
  | 'CANNOT_WRITE'

/**
 * A refusal with a stable code (for scripts: `porchlight backup --json` prints it) and a message
 * that says what to do. Thrown before anything is changed, or after what was started is undone.
 */
export class BackupError extends Error {
  override name = 'BackupError'
  readonly code: BackupErrorCode

  constructor(code: BackupErrorCode, message: string) {
    super(message)
    this.code = code
  }
}
