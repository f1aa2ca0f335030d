import { fileURLToPath } from 'node:url'

/** The repository's root folder, where the workspaces are. */
export const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url))

/** The packages Porchlight publishes, by name, with their folders in the workspace. */
export const publishedPackages = {
  '@porchlight/server': 'apps/server',
  '@porchlight/sdk': 'packages/sdk',
  '@porchlight/embed': 'packages/embed',
} as const

export type PublishedName = keyof typeof publishedPackages

/** One tarball as `npm pack --json` describes it. */
export type PackedPackage = {
  name: PublishedName
  version: string
  /** Absolute path of the .tgz file. */
  tarball: string
  /** Bytes of the .tgz. */
  size: number
  unpackedSize: number
  /** Paths inside the package, as npm will publish them. */
  files: string[]
}

declare module 'vitest' {
  export interface ProvidedContext {
    packed: Record<PublishedName, PackedPackage>
  }
}
