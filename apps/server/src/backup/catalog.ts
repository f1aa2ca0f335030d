// What the console shows of the deployment's scheduled backups. Only the Node entry has files to
// list (backup/folder-catalog.ts); on Workers, D1 and Turso keep backups of their own, and the
// app has no catalog.

/** One scheduled backup: its file name in BACKUP_DIR, size, and when it was made. */
export type BackupEntry = { name: string; bytes: number; createdAt: number }

export type BackupCatalog = {
  /** How often backups are made, and how many of the newest are kept. */
  schedule: { intervalMs: number; keep: number }
  /** The backups there are now, newest first. */
  list(): Promise<BackupEntry[]>
}
