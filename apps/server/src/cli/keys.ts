import { secretKeyHint } from '../sites/keys.ts'
import { siteDetails } from '../sites/queries.ts'
import { keyLabelSchema } from '../sites/schemas.ts'
import { createSecretKey, revokeSecretKey, rotatePublishableKey } from '../sites/service.ts'
import { chosenSite, withDatabase } from './database.ts'
import { CliError, type CommandContext, print } from './output.ts'

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

async function revoke(ctx: CommandContext, keyId: string) {
  await withDatabase(ctx, async (deps) => revokeSecretKey(deps, await chosenSite(ctx, deps), keyId))
  print(ctx, { revoked: keyId }, () => [`Revoked ${secretKeyHint(keyId)}`])
  return 0
}

function iso(ms: number) {
  return new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z')
}
