import { render } from 'preact'
import { App } from './app/app.tsx'
import { applyTheme, storedTheme } from './app/theme.ts'
import './styles/base.css'
import './styles/layout.css'
import './styles/components.css'
import './styles/pages.css'

applyTheme(storedTheme())
const root = document.getElementById('app')
if (root) render(<App />, root)
