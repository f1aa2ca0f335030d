// Files the console hands the operator (a member's data, a CSV export), made in the page from
// an answer it fetched: the API needs the site header, which a plain link cannot send.

/** Saves `blob` as `name` through a temporary link. */
export function downloadBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
  // After the click has been handled: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export function downloadJson(data: unknown, name: string) {
  downloadBlob(new Blob([`${JSON.stringify(data, null, 2)}\n`], { type: 'application/json' }), name)
}
