import { Box, useTheme } from '@mui/material'
import type { LocationCheck, LocationThresholds } from '@shared/rules/orders/location-checks'
import { formatDistance } from '@shared/rules/orders/location-checks'

const SIZE = 320
const PADDING = 28

/**
 * Relative positions in metres around the drop-off (the centre), drawn without any map: the
 * threshold circle, each order event (circles) and photo (squares), flagged ones in red. Nothing is
 * loaded from the network.
 */
export function LocationPlot({
  checks,
  thresholds,
}: {
  checks: LocationCheck[]
  thresholds: LocationThresholds
}) {
  const theme = useTheme()
  const located = checks.filter((check) => check.offset !== null)
  // The scale fits the checked points (photos, the drop-off's events) and the threshold circle; the
  // store leg, kilometres away, is left out of the frame.
  const reach = Math.max(
    thresholds.metres * 1.25,
    ...located
      .filter((check) => check.checked)
      .map((check) => Math.hypot(check.offset!.east, check.offset!.north) * 1.1),
  )
  const placed = located.filter((check) => Math.hypot(check.offset!.east, check.offset!.north) <= reach)
  const scale = (SIZE / 2 - PADDING) / reach
  const centre = SIZE / 2
  const x = (east: number) => centre + east * scale
  const y = (north: number) => centre - north * scale
  const flagged = theme.palette.error.main
  const normal = theme.palette.primary.main
  return (
    <Box
      component="svg"
      role="img"
      aria-label={`Positions around the drop-off: ${placed.length} points, ${placed.filter((check) => check.farAway).length} beyond ${thresholds.metres} m`}
      viewBox={`0 0 ${SIZE} ${SIZE}`}
      sx={{
        width: SIZE,
        // Beside the checks table, the plot keeps its size rather than shrinking to a sliver.
        flexShrink: 0,
        maxWidth: '100%',
        height: 'auto',
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
      }}
    >
      <circle
        cx={centre}
        cy={centre}
        r={thresholds.metres * scale}
        fill="none"
        stroke={theme.palette.text.secondary}
        strokeDasharray="4 4"
      />
      <line x1={centre} y1={PADDING / 2} x2={centre} y2={SIZE - PADDING / 2} stroke={theme.palette.divider} />
      <line x1={PADDING / 2} y1={centre} x2={SIZE - PADDING / 2} y2={centre} stroke={theme.palette.divider} />
      <text x={centre + 4} y={PADDING / 2 + 10} fontSize={10} fill={theme.palette.text.secondary}>
        N
      </text>
      <text
        x={SIZE - PADDING}
        y={SIZE - 6}
        fontSize={10}
        fill={theme.palette.text.secondary}
        textAnchor="end"
      >
        circle: {formatDistance(thresholds.metres)}; edge: {formatDistance(reach)}
      </text>
      <path
        d={`M ${centre} ${centre - 7} L ${centre + 6} ${centre + 5} L ${centre - 6} ${centre + 5} Z`}
        fill={theme.palette.text.primary}
      >
        <title>Drop-off</title>
      </path>
      {placed.map((check) => {
        const px = x(check.offset!.east)
        const py = y(check.offset!.north)
        const colour =
          check.farAway || check.offTime ? flagged : check.checked ? normal : theme.palette.text.disabled
        const title = `${check.label}: ${formatDistance(check.distanceMetres!)} from the drop-off`
        return check.source === 'photo' ? (
          <rect key={`${check.label}-${px}`} x={px - 5} y={py - 5} width={10} height={10} fill={colour}>
            <title>{title}</title>
          </rect>
        ) : (
          <circle key={`${check.label}-${px}`} cx={px} cy={py} r={4.5} fill={colour}>
            <title>{title}</title>
          </circle>
        )
      })}
    </Box>
  )
}
