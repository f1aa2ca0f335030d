import serverPackage from '../package.json' with { type: 'json' }

/**
 * This server's version (`@porchlight/server`'s): the OpenAPI document's `info.version`. Read
 * from package.json at build time on Workers (the bundler inlines it), at start on Node.
 */
export const serverVersion: string = serverPackage.version
