import { strings } from '../../strings/index.ts'

const tone: Record<string, string> = {
  pending: 'badge badge-warning',
  sending: 'badge',
  delivered: 'badge badge-success',
  dead: 'badge badge-danger',
}

/** A delivery's status as a badge: words, not only a colour. */
export function DeliveryStatus({ status }: { status: string }) {
  return <span class={tone[status] ?? 'badge'}>{strings.deliveries.status[status] ?? status}</span>
}
