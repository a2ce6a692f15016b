import { SlaHistory, useSlaClocks } from '@features/sla'
import { Stack, Typography } from '@mui/material'
import { type Case, ESCALATION_SOURCE_LABELS } from '@shared/domain'
import { formatZonedTime } from '@shared/domain/incident-time'
import { showUntrusted } from '@shared/untrusted-text'
import { Facts } from '@ui/Facts'
import { formatDateTime } from '@ui/format/time'

export function OverviewSection({ record }: { record: Case }) {
  const clocks = useSlaClocks(record.slaEvents)
  return (
    <Stack spacing={2}>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
        {record.summary || 'No incident summary yet.'}
      </Typography>
      <Facts
        facts={[
          [
            'Occurred',
            record.occurredAt && record.incidentTimeZone
              ? `${formatDateTime(record.occurredAt)} your time · ${formatZonedTime(record.occurredAt, record.incidentTimeZone)} there (${record.incidentTimeZone})`
              : formatDateTime(record.occurredAt),
          ],
          ['Location', showUntrusted(record.location)],
          ['Escalated by', ESCALATION_SOURCE_LABELS[record.source]],
          ['Opened', `${formatDateTime(record.createdAt)} by ${record.createdBy.name}`],
          ['Order', record.order?.orderId],
          ['Retailer', record.order?.retailer],
          ['Store', record.order?.storeName],
          ['Delivery address', record.order?.deliveryAddress],
          ['Delivered', formatDateTime(record.order?.deliveryAt)],
        ]}
      />
      {clocks && <SlaHistory history={clocks.history} />}
    </Stack>
  )
}
