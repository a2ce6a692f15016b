import { Chip, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material'
import {
  formatDistance,
  formatOffset,
  type LocationCheck,
  type LocationThresholds,
} from '@shared/rules/orders/location-checks'
import { formatDateTime } from '@ui/format/time'

/** Each photo and order event: distance to the drop-off, time from the delivery, and what is flagged. */
export function LocationChecksTable({
  checks,
  thresholds,
}: {
  checks: LocationCheck[]
  thresholds: LocationThresholds
}) {
  return (
    <Table size="small" aria-label="Location and time checks">
      <TableHead>
        <TableRow>
          <TableCell>Point</TableCell>
          <TableCell>When</TableCell>
          <TableCell>From the drop-off</TableCell>
          <TableCell>From the delivery</TableCell>
          <TableCell>Check</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {checks.map((check) => (
          <TableRow
            key={`${check.source}-${check.label}-${check.at}`}
            data-flagged={check.farAway || check.offTime}
          >
            <TableCell>
              {check.source === 'photo' ? 'Photo ' : ''}
              {check.label}
            </TableCell>
            <TableCell>
              {check.at ? formatDateTime(check.at) : check.zoneUnknown ? 'time zone unknown' : 'no time'}
            </TableCell>
            <TableCell>
              {check.distanceMetres === null ? 'no GPS' : formatDistance(check.distanceMetres)}
            </TableCell>
            <TableCell>
              {check.minutesFromDelivery === null ? '—' : formatOffset(check.minutesFromDelivery)}
            </TableCell>
            <TableCell>
              {check.farAway && (
                <Chip
                  size="small"
                  color="error"
                  label={`Over ${formatDistance(thresholds.metres)} away`}
                  sx={{ mr: 0.5 }}
                />
              )}
              {check.offTime && (
                <Chip size="small" color="error" label={`Over ${thresholds.minutes} min off`} />
              )}
              {!check.farAway && !check.offTime && (
                <Chip
                  size="small"
                  variant="outlined"
                  color={check.checked ? 'success' : 'default'}
                  label={check.checked ? 'Within range' : 'Store leg, not checked'}
                />
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  )
}
