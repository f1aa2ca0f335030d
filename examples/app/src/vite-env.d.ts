/// <reference types="vite/client" />

// The variables this app reads from `.env` (see .env.example), typed for `import.meta.env`.
interface ImportMetaEnv {
  readonly VITE_PORCHLIGHT_URL?: string
  readonly VITE_PORCHLIGHT_KEY?: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
