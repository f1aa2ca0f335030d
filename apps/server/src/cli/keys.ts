import { ApiError } from '../http/errors.ts'
import { parseSecretKey, secretKeyHint } from '../sites/keys.ts'
import { siteDetails } from '../sites/queries.ts'
import { keyLabelSchema } from '../sites/schemas.ts'
import { createSecretKey, revokeSecretKey, rotatePublishableKey } from '../sites/service.ts'
import { chosenSite, withDatabase } from './database.ts'
import { CliError, CliFailure, type CommandContext, print } from './output.ts'

export async function keyCommand(ctx: CommandContext): Promise<number> {
  const [action, keyId] = ctx.args
  if (action === 'list') return listKeys(ctx)
  if (action === 'rotate')
    return ctx.values.publishable ? rotatePublishable(ctx) : rotateSecret(ctx)
  if (action === 'revoke' && keyId) return revoke(ctx, keyId)
  throw new CliError('Usage: porchlight key list|rotate [--publishable]|revoke KEY_ID [--site ID]')
}

async function listKeys(ctx: CommandContext) {
  const keys = await withDatabase(ctx, async (deps) => {
    const details = await siteDetails(deps.db, await chosenSite(ctx, deps))
    return details?.secretKeys ?? []
  })
  print(ctx, keys, () =>
    keys.map(
      (k) =>
        `${k.id}  ${secretKeyHint(k.id)}  "${k.label}"  created ${iso(k.createdAt)}  last used ${k.lastUsedAt ? iso(k.lastUsedAt) : 'never'}`,
    ),
  )
  return 0
}

/** Rotation without downtime: add a key, deploy it, then revoke the old one. */
async function rotateSecret(ctx: CommandContext) {
  const label = keyLabelSchema.safeParse(
    ctx.values.label ?? `Rotated ${new Date().toISOString().slice(0, 10)}`,
  )
  if (!label.success) throw new CliError('--label must be 1 to 60 characters.')
  const created = await withDatabase(ctx, async (deps) =>
    createSecretKey(deps, await chosenSite(ctx, deps), label.data),
  )
  print(ctx, created, () => [
    `New secret key "${created.label}" (${created.id}):`,
    `  ${created.key}`,
    'Shown only this once: store it now. Older keys keep working until you run: porchlight key revoke KEY_ID',
  ])
  return 0
}

async function rotatePublishable(ctx: CommandContext) {
  const publishableKey = await withDatabase(ctx, async (deps) =>
    rotatePublishableKey(deps, await chosenSite(ctx, deps)),
  )
  print(ctx, { publishableKey }, () => [
    `New publishable key: ${publishableKey}`,
    'Pages using the old key stop working now: update them.',
  ])
  return 0
}

const keyIdPattern = /^[a-z2-7]{16}$/
const hintPattern = /^sk_([a-z2-7]{16})_(…|\.\.\.)?$/

/**
 * The key id in what the operator pasted: the id `key list` prints first, the hint it prints
 * beside it (`sk_<id>_…`, or typed with `...`), or the whole secret key `sk_<id>_<secret>`.
 */
function keyIdFrom(input: string): string | undefined {
  if (keyIdPattern.test(input)) return input
  return hintPattern.exec(input)?.[1] ?? parseSecretKey(input)?.id
}

async function revoke(ctx: CommandContext, input: string) {
  const keyId = keyIdFrom(input.trim())
  // What was given is never printed back: it may be a whole secret key with a typo in it.
  if (!keyId) {
    throw new CliError(
      'KEY_ID is the id porchlight key list prints first on each line (16 letters and digits). The hint beside it (sk_<id>_…) and the whole secret key work too.',
    )
  }
  await withDatabase(ctx, async (deps) => {
    const scope = await chosenSite(ctx, deps)
    await revokeSecretKey(deps, scope, keyId).catch((error: unknown) => {
      if (!(error instanceof ApiError) || error.code !== 'KEY_NOT_FOUND') throw error
      throw new CliFailure(
        `KEY_NOT_FOUND: Site ${scope.siteId} has no active secret key ${secretKeyHint(keyId)} (revoked already, or another site's). Its keys: porchlight key list`,
      )
    })
  })
  print(ctx, { revoked: keyId }, () => [`Revoked ${secretKeyHint(keyId)}`])
  return 0
}

function iso(ms: number) {
  return new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z')
}
