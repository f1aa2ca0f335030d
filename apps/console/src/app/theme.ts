// Light, dark, or the system's choice (the default). The choice is kept in this browser only.

export const themes = ['system', 'light', 'dark'] as const
export type Theme = (typeof themes)[number]

const storageKey = 'porchlight-console-theme'

export function storedTheme(): Theme {
  try {
    const value = localStorage.getItem(storageKey)
    return (themes as readonly string[]).includes(value ?? '') ? (value as Theme) : 'system'
  } catch {
    // Storage refused (a locked-down browser): the system's choice.
    return 'system'
  }
}

/** Sets `data-theme` on the page, which the stylesheet's `color-scheme` follows. */
export function applyTheme(theme: Theme) {
  if (theme === 'system') document.documentElement.removeAttribute('data-theme')
  else document.documentElement.dataset.theme = theme
  try {
    localStorage.setItem(storageKey, theme)
  } catch {
    // Not kept, but applied for this visit.
  }
}
