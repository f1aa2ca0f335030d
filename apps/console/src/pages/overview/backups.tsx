import { api } from '../../api/client.ts'
import { ok } from '../../api/result.ts'
import { useLoad } from '../../hooks/use-load.ts'
import { strings } from '../../strings/index.ts'
import { formatBytes, formatDateTime } from '../../ui/format.ts'
import { Section } from '../../ui/page.tsx'
import { ScrollRegion } from '../../ui/scroll-region.tsx'
import { Loadable } from '../../ui/states.tsx'

/** The deployment's scheduled backups, for its admins: the files the backup module made. */
export function Backups() {
  const load = useLoad(() => ok(api.GET('/v1/operator/backups')), [])
  const t = strings.overview
  return (
    <Section title={t.backups}>
      <Loadable load={load}>
        {(data) =>
          !data.enabled ? (
            <p class="muted">{t.backupsOff}</p>
          ) : data.items.length === 0 ? (
            <p class="muted">{t.backupsNone}</p>
          ) : (
            <ScrollRegion label={t.backups}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t.backupName}</th>
                    <th scope="col" class="number">
                      {t.backupSize}
                    </th>
                    <th scope="col">{t.backupTime}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((backup) => (
                    <tr key={backup.name}>
                      <td>
                        <code>{backup.name}</code>
                      </td>
                      <td class="number">{formatBytes(backup.bytes)}</td>
                      <td>{formatDateTime(backup.createdAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          )
        }
      </Loadable>
    </Section>
  )
}
