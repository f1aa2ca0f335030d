// The Worker rows' data and requests: the 1,000-post bench forum with a contact form that takes
// submissions without proof of work, and the same requests the Node rows send.
import { systemClock } from '../src/clock.ts'
import { createForm } from '../src/contact/forms.ts'
import { formSettingsSchema } from '../src/contact/schemas.ts'
import { createDatabase } from '../src/db/client.ts'
import { openDatabase } from '../src/entry/node.ts'
import { siteScope } from '../src/sites/scope.ts'
import { forumScenarios } from './forum.ts'
import { type BenchRequest, type BenchSite, scenarios } from './scenarios.ts'

export const workerRowNames = [
  'worker: GET /healthz',
  'worker: GET /v1/site',
  'worker: forum thread list, first page',
  'worker: forum posts page (50)',
  'worker: POST submissions, proof of work off',
] as const

export type WorkerRowName = (typeof workerRowNames)[number]

/** The contact form of the Node rows (proof of work off, limits raised) in the forum's site. */
export async function addOpenForm(
  path: string,
  forumSite: { id: string; publishableKey: string; origin: string },
): Promise<BenchSite> {
  const client = await openDatabase({ url: `file:${path}` })
  try {
    const openFormId = 'open'
    await createForm(
      { db: createDatabase(client), clock: systemClock, allowPrivateWebhooks: false },
      siteScope(forumSite.id),
      {
        id: openFormId,
        name: 'Contact (no proof of work)',
        enabled: true,
        settings: formSettingsSchema.parse({
          notify: ['owner@bench.example'],
          rateLimits: { perAddressPerHour: 100_000, perFormPerHour: 1_000_000 },
          spam: { proofOfWork: 'off' },
        }),
      },
    )
    // Into the file itself, so the copies each side gets hold the form.
    await client.execute('PRAGMA wal_checkpoint(TRUNCATE)')
    return {
      ...forumSite,
      name: 'Forum bench',
      secretKey: '',
      formId: openFormId,
      openFormId,
      members: [],
    }
  } finally {
    client.close()
  }
}

/** The Node rows' own requests, picked by path so the two benches send the same bytes. */
export function rowRequests(
  site: BenchSite,
  manifest: Parameters<typeof forumScenarios>[0],
): Record<WorkerRowName, BenchRequest> {
  const node = scenarios(site)
  const byPath = (path: string) => {
    const found = node.find((s) => s.porchlight.path === path)?.porchlight
    if (!found) throw new Error(`no Node bench row requests ${path}`)
    return found
  }
  const forum = forumScenarios(manifest, '', { read: 1, write: 1 })
  return {
    'worker: GET /healthz': byPath('/healthz'),
    'worker: GET /v1/site': byPath('/v1/site'),
    'worker: forum thread list, first page': forumRequest(forum, 0),
    'worker: forum posts page (50)': forumRequest(forum, 1),
    'worker: POST submissions, proof of work off': byPath(
      `/v1/forms/${site.openFormId}/submissions`,
    ),
  }
}

function forumRequest(forum: ReturnType<typeof forumScenarios>, index: number): BenchRequest {
  const found = forum[index]?.request
  if (!found) throw new Error(`no forum bench row ${index}`)
  return found
}
