import { api } from '../../api/client.ts'
import { ok } from '../../api/result.ts'
import { paths } from '../../app/paths.ts'
import { useLoad } from '../../hooks/use-load.ts'
import { useSite } from '../../session/site.tsx'
import { strings } from '../../strings/index.ts'
import { formatDateTime } from '../../ui/format.ts'
import { PageHeader, Section } from '../../ui/page.tsx'
import { Loadable } from '../../ui/states.tsx'
import { Time } from '../../ui/time.tsx'
import { MemberActions } from './member-actions.tsx'
import { MemberBadges } from './member-badges.tsx'

export type AdminMember = Awaited<ReturnType<typeof loadMember>>['member']

async function loadMember(id: string) {
  const [member, sessions] = await Promise.all([
    ok(api.GET('/v1/admin/members/{id}', { params: { path: { id } } })),
    ok(api.GET('/v1/admin/members/{id}/sessions', { params: { path: { id } } })),
  ])
  return { member, sessions: sessions.items }
}

/** One member: profile, where they are signed in, and what may be done about them. */
export function MemberPage({ id }: { id: string }) {
  const site = useSite()
  const load = useLoad(() => loadMember(id), [site.id, id])
  const t = strings.member
  const title =
    load.state.status === 'ready' ? load.state.data.member.displayName : strings.members.title
  return (
    <>
      <PageHeader title={title}>
        <a class="button" href={paths.site(site.id, 'members')}>
          {strings.members.back}
        </a>
      </PageHeader>
      <Loadable load={load}>
        {({ member, sessions }) => (
          <div class="columns">
            <div>
              <Section title={t.profile}>
                <p>
                  <MemberBadges member={member} />
                </p>
                <dl class="details-grid">
                  <dt>{t.email}</dt>
                  <dd>
                    {member.email} ({member.emailVerified ? t.verified : t.notVerified})
                  </dd>
                  <dt>{t.username}</dt>
                  <dd>{member.username ?? '—'}</dd>
                  <dt>{strings.members.role}</dt>
                  <dd>{strings.members.roles[member.role] ?? member.role}</dd>
                  <dt>{strings.members.status}</dt>
                  <dd>{strings.members.statuses[member.status] ?? member.status}</dd>
                  {member.suspendedUntil && (
                    <>
                      <dt>{t.suspendedUntil}</dt>
                      <dd>{formatDateTime(member.suspendedUntil)}</dd>
                    </>
                  )}
                  <dt>{strings.members.joined}</dt>
                  <dd>
                    <Time ms={member.createdAt} />
                  </dd>
                  <dt>{strings.members.lastSeen}</dt>
                  <dd>
                    {member.lastSeenAt ? <Time ms={member.lastSeenAt} /> : strings.time.never}
                  </dd>
                </dl>
              </Section>
              <Section title={t.sessions}>
                <p class="muted">{t.sessionsIntro}</p>
                {sessions.length === 0 ? (
                  <p class="state state-empty">{t.noSessions}</p>
                ) : (
                  <ul class="item-list">
                    {sessions.map((session) => (
                      <li key={session.id}>
                        <div class="item-title">{session.userAgent || t.unknownDevice}</div>
                        <div class="item-meta">
                          <span>
                            {t.started} <Time ms={session.createdAt} />
                          </span>
                          <span>
                            {t.lastSeen} <Time ms={session.lastUsedAt} />
                          </span>
                        </div>
                      </li>
                    ))}
                  </ul>
                )}
              </Section>
            </div>
            <MemberActions
              member={member}
              onChanged={(changed) =>
                load.update((d) => ({ ...d, member: { ...d.member, ...changed } }))
              }
              onSignedOut={() => load.update((d) => ({ ...d, sessions: [] }))}
            />
          </div>
        )}
      </Loadable>
    </>
  )
}
