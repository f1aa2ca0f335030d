import { afterEach, expect, it } from 'vitest'
import { rows } from '../../test/helpers/http.ts'
import {
  addOperator,
  asOperator,
  type ConsoleHarness,
  consolePost,
  createConsoleHarness,
  signInAs,
} from '../../test/helpers/operators.ts'
import { createHousekeeping } from '../maintenance/housekeeping.ts'

// What operators leave behind is removed by housekeeping once it can no longer be used, and not
// before: a sign-in challenge after its 5 minutes, an invite after its 7 days, a session after
// 12 hours unused. Made through the real routes, swept by the real housekeeping run.

let h: ConsoleHarness
afterEach(async () => {
  await h.close()
})

const minute = 60_000
const hour = 60 * minute

it('removes expired challenges, invites and idle sessions, and keeps live ones', async () => {
  h = await createConsoleHarness()
  const housekeeping = createHousekeeping({
    client: h.t.client,
    clock: h.clock,
    log: h.t.log,
    retention: h.t.config.retention,
  })
  const count = async (table: string) =>
    Number((await rows(h.t.client, `SELECT count(*) AS n FROM ${table}`))[0]?.n)

  const ann = await addOperator(h, {
    email: 'ann@example.com',
    roles: { [h.site.id]: 'owner' },
    totp: true,
  })
  const cookie = await signInAs(h, ann)
  // A password given and the code never: a challenge left open.
  const started = await consolePost(h, '/v1/operator/sign-in', {
    email: ann.email,
    password: ann.password,
  })
  expect(((await started.json()) as { status: string }).status).toBe('totp_required')
  const invited = await asOperator(h, cookie, h.site.id, 'POST', '/v1/admin/operator-invites', {
    email: 'eve@example.com',
    role: 'viewer',
  })
  expect(invited.status).toBe(201)
  expect([
    await count('operator_challenges'),
    await count('operator_invites'),
    await count('operator_sessions'),
  ]).toEqual([1, 1, 1])

  h.clock.advance(5 * minute - 1)
  await housekeeping.run()
  expect(await count('operator_challenges')).toBe(1)
  h.clock.advance(1)
  await housekeeping.run()
  expect(await count('operator_challenges')).toBe(0)
  expect(await count('operator_invites')).toBe(1)

  // Ann keeps working (her session is touched every 5 minutes of use); an idle one goes.
  const idle = await signInAs(h, ann)
  for (let hours = 0; hours < 12; hours += 4) {
    h.clock.advance(4 * hour)
    expect((await asOperator(h, cookie, h.site.id, 'GET', '/v1/operator/session')).status).toBe(200)
  }
  h.clock.advance(1)
  await housekeeping.run()
  expect(await count('operator_sessions')).toBe(1)
  expect((await asOperator(h, idle, h.site.id, 'GET', '/v1/operator/session')).status).toBe(401)
  expect((await asOperator(h, cookie, h.site.id, 'GET', '/v1/operator/session')).status).toBe(200)

  h.clock.advance(7 * 24 * hour)
  await housekeeping.run()
  expect(await count('operator_invites')).toBe(0)
})
