import { EvidencePane } from '@features/evidence'
import ChevronLeftIcon from '@mui/icons-material/ChevronLeft'
import ChevronRightIcon from '@mui/icons-material/ChevronRight'
import { Box, IconButton, Stack, Tooltip, Typography } from '@mui/material'
import { EVIDENCE_PANE_ID } from '@ui/focus-targets'

/**
 * The right-hand pane with a bar to hide it: hidden, it is a narrow strip that gives its width to the
 * case (whose tabs then have more room) and shows it again with one click.
 */
export function EvidencePaneFrame({ collapsed, onToggle }: { collapsed: boolean; onToggle(): void }) {
  if (collapsed) {
    return (
      <Stack
        id={EVIDENCE_PANE_ID}
        role="region"
        aria-label="Evidence pane"
        tabIndex={-1}
        sx={{ height: '100%', alignItems: 'center', bgcolor: 'background.paper', outline: 'none', pt: 0.5 }}
      >
        <Tooltip title="Show the evidence pane" placement="left">
          <IconButton size="small" aria-label="Show evidence pane" aria-expanded={false} onClick={onToggle}>
            <ChevronLeftIcon fontSize="small" />
          </IconButton>
        </Tooltip>
        <Typography
          variant="caption"
          color="text.secondary"
          sx={{ writingMode: 'vertical-rl', mt: 1, userSelect: 'none' }}
        >
          Evidence
        </Typography>
      </Stack>
    )
  }
  return (
    <Box
      id={EVIDENCE_PANE_ID}
      role="region"
      aria-label="Evidence pane"
      tabIndex={-1}
      sx={{ height: '100%', display: 'flex', flexDirection: 'column', outline: 'none' }}
    >
      <Stack
        direction="row"
        sx={{
          alignItems: 'center',
          px: 1,
          minHeight: 32,
          borderBottom: 1,
          borderColor: 'divider',
          bgcolor: 'background.paper',
        }}
      >
        <Typography variant="caption" color="text.secondary" sx={{ flex: 1 }}>
          Evidence
        </Typography>
        <Tooltip title="Hide the evidence pane (the case gets its width)">
          <IconButton size="small" aria-label="Hide evidence pane" aria-expanded onClick={onToggle}>
            <ChevronRightIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      </Stack>
      <Box sx={{ flex: 1, minHeight: 0 }}>
        <EvidencePane />
      </Box>
    </Box>
  )
}
