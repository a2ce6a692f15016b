import { Box, Chip, Tooltip } from '@mui/material'
import type { EvidenceDamage } from '@shared/domain'
import { damageSentence } from '@shared/formats/evidence/image-damage'

/** Read by screen readers, not drawn: the reason the mark stands for. */
const unseen = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const

/**
 * "incomplete" (or "damaged") beside a photo wherever it is listed: the reason shows on hover and is
 * part of what a screen reader reads. Nothing for a photo found whole or never checked.
 */
export function DamageMark({ damage }: { damage: EvidenceDamage | null | undefined }) {
  if (!damage) return null
  return (
    <Tooltip title={damageSentence(damage)} describeChild disableInteractive>
      <Chip
        component="span"
        size="small"
        data-testid="damage-mark"
        // Black on light amber: as readable as the name beside it.
        sx={{
          ml: 1,
          height: 20,
          verticalAlign: 'text-bottom',
          bgcolor: 'warning.light',
          color: 'common.black',
        }}
        label={
          <>
            {damage.kind}
            <Box component="span" sx={unseen}>
              : {damage.detail}
            </Box>
          </>
        }
      />
    </Tooltip>
  )
}
