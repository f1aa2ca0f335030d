import { useState } from 'preact/hooks'
import { api } from '../../api/client.ts'
import { ok } from '../../api/result.ts'
import { useAction } from '../../hooks/use-action.ts'
import { usePaged } from '../../hooks/use-paged.ts'
import { useSite } from '../../session/site.tsx'
import { strings } from '../../strings/index.ts'
import { announce } from '../../ui/announcer.tsx'
import { CopyBox } from '../../ui/copy-button.tsx'
import { ConfirmDialog } from '../../ui/dialog.tsx'
import { FormError } from '../../ui/field.tsx'
import { LoadMore } from '../../ui/load-more.tsx'
import { Section } from '../../ui/page.tsx'
import { Loadable } from '../../ui/states.tsx'
import { Time } from '../../ui/time.tsx'
import { DeliveryStatus } from '../deliveries/delivery-status.tsx'
import type { AdminForm } from './form-page.tsx'

function loadDeliveries(formId: string, cursor: string | undefined) {
  return ok(
    api.GET('/v1/admin/forms/{formId}/deliveries', {
      params: { path: { formId }, query: { cursor } },
    }),
  )
}

/** The webhook's signing secret, a test event, and what this form's deliveries did. */
export function WebhookSection({ form, editable }: { form: AdminForm; editable: boolean }) {
  const site = useSite()
  const t = strings.webhook
  const [secret, setSecret] = useState(form.webhookSecret)
  const [confirming, setConfirming] = useState(false)
  const log = usePaged((cursor) => loadDeliveries(form.id, cursor), [site.id, form.id])
  const rotate = useAction(async () => {
    const answer = await ok(
      api.POST('/v1/admin/forms/{formId}/webhook-secret/rotate', {
        params: { path: { formId: form.id } },
      }),
    )
    setSecret(answer.webhookSecret)
    setConfirming(false)
    announce(t.rotated)
  })
  const test = useAction(async () => {
    await ok(
      api.POST('/v1/admin/forms/{formId}/webhook/test', { params: { path: { formId: form.id } } }),
    )
    announce(t.testSent)
    log.reload()
  })
  return (
    <Section title={t.title}>
      {editable && secret && (
        <>
          <h3>{t.secret}</h3>
          <p class="muted">{t.secretHint}</p>
          <CopyBox text={secret} label={t.secret} />
          <button type="button" class="button" onClick={() => setConfirming(true)}>
            {t.rotate}
          </button>
          <ConfirmDialog
            open={confirming}
            title={t.rotate}
            message={<p>{t.rotateConfirm}</p>}
            confirmLabel={t.rotate}
            busy={rotate.busy}
            error={rotate.error}
            onConfirm={() => rotate.run()}
            onClose={() => setConfirming(false)}
          />
        </>
      )}
      {editable && (
        <div class="button-row">
          <button
            type="button"
            class="button"
            disabled={test.busy || !form.settings.webhookUrl}
            onClick={() => test.run()}
          >
            {t.test}
          </button>
          {!form.settings.webhookUrl && <span class="muted">{t.noUrl}</span>}
        </div>
      )}
      <FormError message={test.error} />
      <h3>{t.log}</h3>
      <p class="muted">{t.logIntro}</p>
      <Loadable load={log} isEmpty={(d) => d.items.length === 0} empty={<p>{t.logNone}</p>}>
        {(data) => (
          <ul class="item-list">
            {data.items.map((delivery) => (
              <li key={delivery.id}>
                <div class="item-title">
                  {strings.deliveries.kind[delivery.kind] ?? delivery.kind}{' '}
                  <DeliveryStatus status={delivery.status} />
                </div>
                <div class="item-meta">
                  <span>
                    {strings.deliveries.attempts(delivery.attempts, delivery.maxAttempts)}
                  </span>
                  <span>
                    {strings.deliveries.created} <Time ms={delivery.createdAt} />
                  </span>
                </div>
                {delivery.lastError && (
                  <p class="field-hint">
                    {strings.deliveries.lastError}: <code>{delivery.lastError}</code>
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </Loadable>
      <LoadMore list={log} />
    </Section>
  )
}
