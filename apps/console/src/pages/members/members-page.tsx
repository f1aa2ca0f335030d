import { useState } from 'preact/hooks'
import { useLocation } from 'preact-iso/router'
import { api } from '../../api/client.ts'
import { ok } from '../../api/result.ts'
import type { MemberRole, MemberStatus } from '../../api/vocabulary.ts'
import { paths } from '../../app/paths.ts'
import { usePaged } from '../../hooks/use-paged.ts'
import { useSite } from '../../session/site.tsx'
import { strings } from '../../strings/index.ts'
import { SelectField, TextField } from '../../ui/field.tsx'
import { LoadMore } from '../../ui/load-more.tsx'
import { PageHeader } from '../../ui/page.tsx'
import { Loadable } from '../../ui/states.tsx'
import { Time } from '../../ui/time.tsx'
import { MemberBadges } from './member-badges.tsx'

// The filters' options are the keys of their wording, which names every value the API has
// (`satisfies Record<…, string>` in strings/en/members.ts).
const memberRoles = Object.keys(strings.members.roles) as MemberRole[]
const memberStatuses = Object.keys(strings.members.statuses) as MemberStatus[]

function pick<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : undefined
}

/** Members found by name or email, filtered by role and status (in the URL, to share). */
export function MembersPage() {
  const site = useSite()
  const { query, route } = useLocation()
  const q = query.q ?? ''
  const role = pick<MemberRole>(query.role, memberRoles)
  const status = pick<MemberStatus>(query.status, memberStatuses)
  const [search, setSearch] = useState(q)
  const list = usePaged(
    (cursor) =>
      ok(
        api.GET('/v1/admin/members', {
          params: { query: { q: q || undefined, role, status, cursor, limit: 50 } },
        }),
      ),
    [site.id, q, role, status],
  )
  const go = (next: { q?: string; role?: string; status?: string }) => {
    const params = new URLSearchParams(
      Object.entries({ q, role, status, ...next }).filter(([, v]) => v) as [string, string][],
    )
    const text = params.toString()
    route(`${paths.site(site.id, 'members')}${text ? `?${text}` : ''}`)
  }
  const t = strings.members
  return (
    <>
      <PageHeader title={t.title} description={t.intro} />
      <search>
        <form
          class="filters"
          onSubmit={(e) => {
            e.preventDefault()
            go({ q: search.trim() })
          }}
        >
          <div class="field-search">
            <TextField label={t.search} type="search" value={search} onValue={setSearch} />
          </div>
          <SelectField
            label={t.role}
            value={role ?? ''}
            onValue={(value) => go({ role: value })}
            options={[
              { value: '', label: t.any },
              ...memberRoles.map((r) => ({ value: r, label: t.roles[r] ?? r })),
            ]}
          />
          <SelectField
            label={t.status}
            value={status ?? ''}
            onValue={(value) => go({ status: value })}
            options={[
              { value: '', label: t.any },
              ...memberStatuses.map((s) => ({ value: s, label: t.statuses[s] ?? s })),
            ]}
          />
          <button type="submit" class="button">
            {strings.actions.search}
          </button>
        </form>
      </search>
      <Loadable
        load={list}
        isEmpty={(d) => d.items.length === 0}
        empty={<p>{q || role || status ? t.none : t.noneYet}</p>}
      >
        {(data) => (
          <ul class="item-list">
            {data.items.map((member) => (
              <li key={member.id}>
                <div class="item-title">
                  <a href={paths.member(site.id, member.id)}>{member.displayName}</a>{' '}
                  <MemberBadges member={member} />
                </div>
                <div class="item-meta">
                  <span>{member.email}</span>
                  <span>
                    {t.joined} <Time ms={member.createdAt} />
                  </span>
                  {member.lastSeenAt && (
                    <span>
                      {t.lastSeen} <Time ms={member.lastSeenAt} />
                    </span>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Loadable>
      <LoadMore list={list} />
    </>
  )
}
