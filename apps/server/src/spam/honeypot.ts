// The honeypot: a field hidden from people (off-screen, `tabindex="-1"`, `autocomplete="off"`)
// that bots filling in every input they find will fill. Any content in it marks the submission.

/** Whether the honeypot field came back filled in; whitespace alone does not count. */
export function honeypotFilled(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== ''
}
