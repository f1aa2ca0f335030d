import { type CommonPasswordSource, commonPasswordsAssetPath } from '../auth/common-passwords.ts'
import type { AssetsBinding } from './worker-assets.ts'

/**
 * The common-password list as a Worker reads it: from its static assets, where the build writes
 * it (scripts/build-assets.ts), rather than from its code (see auth/common-passwords.ts). Only
 * registration and password changes ask for it, once per isolate. A missing file is an error
 * (the check fails closed), and the log says how to deploy it.
 *
 * @example readCommonPasswordsFrom(commonPasswordsFromAssets(env.ASSETS))
 */
export function commonPasswordsFromAssets(binding: AssetsBinding): CommonPasswordSource {
  return async () => {
    // The host is a placeholder: the binding serves by path alone.
    const res = await binding.fetch(`https://assets.invalid/${commonPasswordsAssetPath}`)
    if (!res.ok) {
      throw new Error(
        `The common-password list is not among the Worker's static assets (${commonPasswordsAssetPath}): deploy with wrangler.toml's [build] command, which writes it.`,
      )
    }
    return res.text()
  }
}
