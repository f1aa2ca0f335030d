import type { Context } from 'hono'
import { afterEach, describe, expect, it } from 'vitest'
import {
  type ContactHarness,
  createContactHarness,
  createForm,
  postJson,
  sdkHeaders,
  storedSubmissions,
} from '../src/contact/test-helpers.ts'

// Each deployment the docs describe (docs/deployment.md, "Behind a proxy"): the TRUST_PROXY it
// sets, the address the app's socket sees, and the headers as that proxy passes them on when the
// visitor, at 198.51.100.20, forged its own. What was stored, and what the per-address limit
// counted, must be the visitor's real address every time.

const visitor = '198.51.100.20'

type Deployment = {
  name: string
  trustProxy: string
  peer: string
  /** Headers as they reach the app; the visitor forged what the proxy passed through. */
  headers: (forged: string) => Record<string, string>
}

const deployments: Deployment[] = [
  {
    name: 'no proxy',
    trustProxy: 'none',
    peer: visitor,
    headers: (forged) => ({ 'X-Forwarded-For': forged, 'CF-Connecting-IP': forged }),
  },
  {
    // nginx: proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for (appends $remote_addr).
    name: 'nginx on another host, by hop count',
    trustProxy: '1',
    peer: '10.0.0.5',
    headers: (forged) => ({ 'X-Forwarded-For': `${forged}, ${visitor}` }),
  },
  {
    name: 'nginx on another host, by address',
    trustProxy: '10.0.0.5',
    peer: '10.0.0.5',
    headers: (forged) => ({ 'X-Forwarded-For': `${forged}, ${visitor}` }),
  },
  {
    // Caddy's reverse_proxy drops an untrusted client's X-Forwarded-For and sets its own; one
    // that appends, as nginx does, must come out the same.
    name: 'Caddy on the same host',
    trustProxy: 'loopback',
    peer: '127.0.0.1',
    headers: (forged) => ({ 'X-Forwarded-For': `${forged}, ${visitor}` }),
  },
  {
    name: 'a load balancer, then nginx',
    trustProxy: '2',
    peer: '10.0.0.5',
    headers: (forged) => ({ 'X-Forwarded-For': `${forged}, ${visitor}, 10.0.0.9` }),
  },
  {
    // Cloudflare sets CF-Connecting-IP itself and appends to X-Forwarded-For.
    name: 'Cloudflare in front of Node',
    trustProxy: 'cloudflare',
    peer: '162.158.10.20',
    headers: (forged) => ({
      'CF-Connecting-IP': visitor,
      'X-Forwarded-For': `${forged}, ${visitor}`,
    }),
  },
  {
    name: 'Cloudflare Tunnel (cloudflared on the same host)',
    trustProxy: 'cloudflare',
    peer: '127.0.0.1',
    headers: () => ({ 'CF-Connecting-IP': visitor }),
  },
]

let h: ContactHarness
afterEach(() => h.close())

async function harnessFor(deployment: { trustProxy: string; peer: string }) {
  h = await createContactHarness({
    env: { TRUST_PROXY: deployment.trustProxy },
    socketAddress: (_c: Context) => deployment.peer,
  })
  await createForm(h, {
    id: 'contact',
    settings: {
      fields: { email: { type: 'email', required: true }, message: { required: true } },
      rateLimits: { perAddressPerHour: 2 },
      spam: { proofOfWork: 'off' },
    },
  })
  return h
}

const submit = (headers: Record<string, string>, n: number) =>
  postJson(
    h,
    'contact',
    { email: 'ann@example.com', message: `Hello ${n}` },
    { ...sdkHeaders(h.site), ...headers },
  )

describe.each(deployments)('behind $name (TRUST_PROXY=$trustProxy)', (deployment) => {
  it('stores the visitor’s address and limits it, whatever address the visitor forges', async () => {
    await harnessFor(deployment)
    // Three submissions, each with a different forged address: the regression let each one
    // count as a new visitor.
    const statuses: number[] = []
    for (const [n, forged] of ['127.0.0.1', '203.0.113.1', '203.0.113.2'].entries()) {
      statuses.push((await submit(deployment.headers(forged), n)).status)
    }
    expect(statuses).toEqual([201, 201, 429])
    expect((await storedSubmissions(h.t)).map((s) => s.ip)).toEqual([visitor, visitor])
  })
})

describe('a forged CF-Connecting-IP sent straight to the origin', () => {
  it('is ignored: the connection’s own address is stored', async () => {
    await harnessFor({ trustProxy: 'cloudflare', peer: visitor })
    expect((await submit({ 'CF-Connecting-IP': '203.0.113.1' }, 0)).status).toBe(201)
    expect((await storedSubmissions(h.t)).map((s) => s.ip)).toEqual([visitor])
  })
})
