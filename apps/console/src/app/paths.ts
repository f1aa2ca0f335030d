// The console's URLs, in one place: pages link to each other only through these.

export const base = '/console'

export const paths = {
  home: `${base}/`,
  signIn: (next?: string) =>
    next && next !== `${base}/`
      ? `${base}/sign-in?next=${encodeURIComponent(next)}`
      : `${base}/sign-in`,
  totpSetup: `${base}/account/two-factor`,
  account: `${base}/account`,
  newSite: `${base}/sites/new`,
  invite: (token: string) => `${base}/invite/${encodeURIComponent(token)}`,
  site: (site: string, page: SitePage = 'overview') =>
    `${base}/sites/${encodeURIComponent(site)}/${page}`,
  form: (site: string, formId: string) =>
    `${base}/sites/${encodeURIComponent(site)}/forms/${encodeURIComponent(formId)}`,
  member: (site: string, memberId: string) =>
    `${base}/sites/${encodeURIComponent(site)}/members/${encodeURIComponent(memberId)}`,
  submission: (site: string, id: string) =>
    `${base}/sites/${encodeURIComponent(site)}/inbox/${encodeURIComponent(id)}`,
}

/** The pages of a site, as the nav lists them. */
export const sitePages = [
  'overview',
  'inbox',
  'forms',
  'members',
  'moderation',
  'deliveries',
  'settings',
] as const
export type SitePage = (typeof sitePages)[number] | `${(typeof sitePages)[number]}/${string}`

/** A `next` from the sign-in page's query that stays inside the console (no open redirect). */
export function safeNext(next: string | undefined): string {
  if (!next?.startsWith(`${base}/`) || next.startsWith('//')) return paths.home
  return next
}
