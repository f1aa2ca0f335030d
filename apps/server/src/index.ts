// The package's library entry, for Node: what an application needs to embed Porchlight in its
// own process. The Worker's entry is `@porchlight/server/worker`; the CLI is `porchlight`.
// Everything else under src/ is internal and may change between releases.

export { createApp } from './app.ts'
export { type Config, ConfigError, type LogLevel, loadConfig } from './config.ts'
export { type AppDeps, createDeps, type DepsOptions } from './deps.ts'
export { type NodeServer, startNodeServer } from './entry/node.ts'
export { createLogger, type Logger } from './logger.ts'
export type { EmbedBundle, StaticAssets } from './pages/assets.ts'
