import { useState } from 'preact/hooks'
import { strings } from '../strings/index.ts'
import { applyTheme, storedTheme, type Theme, themes } from './theme.ts'

/** Light, dark or the system's: a select, which every keyboard and screen reader knows. */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>(storedTheme)
  return (
    <label class="theme-toggle">
      <span class="visually-hidden">{strings.theme.label}</span>
      <select
        value={theme}
        onChange={(e) => {
          const next = e.currentTarget.value as Theme
          setTheme(next)
          applyTheme(next)
        }}
      >
        {themes.map((t) => (
          <option key={t} value={t}>
            {strings.theme[t]}
          </option>
        ))}
      </select>
    </label>
  )
}
