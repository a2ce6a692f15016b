import { repositories } from '@db/instance'
import { Alert, Button, Paper, Stack, Typography } from '@mui/material'
import { platform } from '@platform'
import { deliveredAt, type OrderRecord } from '@shared/domain'
import {
  DEFAULT_LOCATION_THRESHOLDS,
  type LocationThresholds,
  locationChecks,
  type PhotoPosition,
} from '@shared/rules/orders/location-checks'
import { parseOrderFile } from '@shared/rules/orders/order-file'
import { SETTINGS } from '@shared/rules/settings/registry'
import { EmptyNote, Facts } from '@ui/Facts'
import { formatDateTime } from '@ui/format/time'
import { notify } from '@ui/notices'
import { useAnalyst } from '@workspace/useAnalyst'
import { useLiveQuery } from 'dexie-react-hooks'
import { useMemo, useState } from 'react'
import { prefillIncidentZone } from './incident-zone-from-order'
import { LocationChecksTable } from './LocationChecksTable'
import { LocationPlot } from './LocationPlot'
import { OrderChat } from './OrderChat'
import { usePhotoPositions } from './usePhotoPositions'

const JSON_FILES = [{ name: 'Order export (JSON)', extensions: ['json'] }]

/** The case's marketplace orders: import, the order's facts, location and time checks, the chat. */
export function OrderSection({ caseId }: { caseId: string }) {
  const analyst = useAnalyst()
  const orders = useLiveQuery(() => repositories.orders.listForCase(caseId), [caseId])
  const photos = usePhotoPositions(caseId)
  const thresholds =
    useLiveQuery(() => repositories.settings.read(SETTINGS.locationThresholds), []) ??
    DEFAULT_LOCATION_THRESHOLDS
  const [problem, setProblem] = useState<string | null>(null)
  if (!orders) return null

  const importOrders = async () => {
    if (!analyst) return
    setProblem(null)
    for (const file of await platform.openFiles({
      title: 'Import order',
      filters: JSON_FILES,
      multiple: true,
    })) {
      try {
        const data = parseOrderFile(new TextDecoder().decode(file.bytes), file.bytes.byteLength)
        const { replaced } = await repositories.orders.importOrder(caseId, data, analyst)
        const zone = await prefillIncidentZone(repositories.cases, caseId, data, analyst)
        notify(
          'success',
          `${replaced ? 'Replaced' : 'Imported'} order ${data.orderId}: ${data.events.length} events, ${data.chat.length} chat messages.${zone ? ` The incident's time zone is now ${zone}, from the drop-off.` : ''}`,
        )
      } catch (error) {
        setProblem(`${file.name} was not imported. ${error instanceof Error ? error.message : String(error)}`)
      }
    }
  }

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
          The order the incident happened on, from the order system's export: its events are on the timeline
          as order data, and every GPS point and photo is checked against the drop-off.
        </Typography>
        <Button variant="outlined" onClick={() => void importOrders()}>
          Import order…
        </Button>
      </Stack>
      {problem && (
        <Alert severity="error" onClose={() => setProblem(null)}>
          {problem}
        </Alert>
      )}
      {orders.length === 0 && <EmptyNote>No order on this case yet.</EmptyNote>}
      {orders.map((order) => (
        <OrderCard key={order.id} order={order} photos={photos ?? []} thresholds={thresholds} />
      ))}
    </Stack>
  )
}

function OrderCard({
  order,
  photos,
  thresholds,
}: {
  order: OrderRecord
  photos: PhotoPosition[]
  thresholds: LocationThresholds
}) {
  const checks = useMemo(() => locationChecks(order, photos, thresholds), [order, photos, thresholds])
  const flagged = checks.filter((check) => check.farAway || check.offTime)
  const delivered = deliveredAt(order)
  const total = order.items.reduce((sum, item) => sum + (item.price ?? 0), 0)
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label={`Order ${order.orderId}`}>
      <Stack spacing={2}>
        <Typography variant="h6" component="h3">
          Order {order.orderId}
        </Typography>
        <Facts
          facts={[
            ['Store', `${order.store.name}${order.store.address ? `, ${order.store.address}` : ''}`],
            ['Customer account', order.customerAccountId],
            ['Shopper account', order.shopperAccountId],
            [
              'Drop-off',
              `${order.dropOff.address} (${order.dropOff.location.lat.toFixed(5)}, ${order.dropOff.location.lon.toFixed(5)})`,
            ],
            ['Delivered', delivered ? formatDateTime(delivered) : 'not recorded'],
            [
              'Items',
              `${order.items.map((item) => `${item.quantity} × ${item.name}`).join('; ')}${total ? ` (${total.toFixed(2)} ${order.currency})` : ''}`,
            ],
            ['Imported', `${formatDateTime(order.importedAt)} by ${order.importedBy.name}`],
          ]}
        />
        <Typography variant="subtitle1" component="h4">
          Location and time checks
        </Typography>
        <Alert severity={flagged.length ? 'warning' : 'success'} data-testid="location-check-summary">
          {flagged.length
            ? `${flagged.length} of ${checks.length} points are outside the range (over ${thresholds.metres} m from the drop-off or ${thresholds.minutes} min from the delivery): ${flagged.map((check) => check.label).join(', ')}.`
            : `All ${checks.length} points are within ${thresholds.metres} m of the drop-off and ${thresholds.minutes} min of the delivery.`}
          {photos.length === 0 ? ' No photo on the case carries EXIF GPS or time.' : ''}
        </Alert>
        <Stack spacing={2}>
          <LocationPlot checks={checks} thresholds={thresholds} />
          <LocationChecksTable checks={checks} thresholds={thresholds} />
        </Stack>
        <Typography variant="subtitle1" component="h4">
          Order chat
        </Typography>
        <OrderChat order={order} />
      </Stack>
    </Paper>
  )
}
