import { siteScope } from '../sites/scope.ts'
import { createSite } from '../sites/service.ts'
import { auditInsert } from './audit.ts'
import type { OperatorAuth } from './context.ts'
import type { OperatorDeps, RequestMeta } from './deps.ts'
import { OperatorErrors } from './errors.ts'
import { grantRole, ownsAnySite } from './queries.ts'

/**
 * A new site from the console, its creator its owner. Deployment admins and owners of some site
 * may; an operator who only edits or views others' sites may not make more. The answer holds the
 * site's first secret key, shown this once as the CLI shows it.
 */
export async function createSiteAsOperator(
  deps: Pick<OperatorDeps, 'db' | 'clock'>,
  auth: OperatorAuth,
  input: { name: string; origins: readonly string[] },
  meta: RequestMeta,
) {
  const { db, clock } = deps
  if (!auth.operator.admin && !(await ownsAnySite(db, auth.operator.id))) {
    throw OperatorErrors.siteCreationForbidden()
  }
  const site = await createSite(deps, input)
  await db.batch([
    grantRole(db, siteScope(site.id), auth.operator.id, 'owner', clock.now()),
    auditInsert(db, clock, {
      siteId: site.id,
      actor: { type: 'operator', id: auth.operator.id, label: auth.operator.email },
      action: 'POST /v1/operator/sites',
      summary: 'Create a site',
      details: { name: site.name, origins: site.origins },
      ip: meta.ip,
    }),
  ])
  return site
}
