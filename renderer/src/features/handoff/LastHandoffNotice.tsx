import { repositories } from '@db/instance'
import { Alert, AlertTitle, Button, Collapse, Stack, Typography } from '@mui/material'
import type { Actor } from '@shared/domain'
import { formatDateTime } from '@ui/format/time'
import { attempt } from '@ui/notices'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { HandoffSummary } from './HandoffSummary'
import { copyHandoff, printHandoff } from './handoff-output'
import { useHandoffUi } from './handoff-store'

/** On start, the last shift handoff written on this workstation, until the analyst has read it. */
export function LastHandoffNotice({ analyst }: { analyst: Actor }) {
  const handoff = useLiveQuery(() => repositories.handoff.lastHandoff(), [])
  const dismissedId = useHandoffUi((state) => state.dismissed[analyst.id])
  const dismiss = useHandoffUi((state) => state.dismiss)
  const [expanded, setExpanded] = useState(false)
  if (!handoff || handoff.id === dismissedId) return null
  return (
    <Alert
      severity="info"
      component="section"
      role="region"
      aria-label="Last shift handoff"
      sx={{ borderRadius: 0 }}
      action={
        <Stack direction="row" spacing={1}>
          <Button color="inherit" size="small" onClick={() => setExpanded((value) => !value)}>
            {expanded ? 'Hide summary' : 'Show summary'}
          </Button>
          <Button color="inherit" size="small" onClick={() => void attempt(() => printHandoff(handoff))}>
            Print
          </Button>
          <Button color="inherit" size="small" onClick={() => void copyHandoff(handoff)}>
            Copy
          </Button>
          <Button color="inherit" size="small" onClick={() => dismiss(analyst.id, handoff.id)}>
            Dismiss
          </Button>
        </Stack>
      }
    >
      <AlertTitle>
        Handoff from {handoff.writtenBy.name}, {formatDateTime(handoff.writtenAt)}
      </AlertTitle>
      <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }} data-testid="handoff-note">
        {handoff.note || '(no note)'}
      </Typography>
      <Collapse in={expanded} unmountOnExit>
        <Stack sx={{ mt: 1.5 }}>
          <HandoffSummary handoff={handoff} />
        </Stack>
      </Collapse>
    </Alert>
  )
}
