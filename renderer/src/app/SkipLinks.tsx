import { Box, Link } from '@mui/material'
import {
  CASE_PANE_ID,
  EVIDENCE_PANE_ID,
  focusCasePane,
  focusEvidencePane,
  focusQueue,
  QUEUE_GRID_ID,
} from '@ui/focus-targets'

const SKIPS = [
  { label: 'Skip to queue', target: QUEUE_GRID_ID, focus: focusQueue },
  { label: 'Skip to case', target: CASE_PANE_ID, focus: focusCasePane },
  { label: 'Skip to evidence', target: EVIDENCE_PANE_ID, focus: focusEvidencePane },
]

/**
 * The first Tab stops of the page: a link to each pane, past the top bar and the queue's filters.
 * Out of sight until one has the focus.
 */
export function SkipLinks() {
  return (
    <Box component="nav" aria-label="Skip to a pane">
      {SKIPS.map(({ label, target, focus }) => (
        <Link
          key={target}
          href={`#${target}`}
          onClick={(event) => {
            event.preventDefault()
            focus()
          }}
          sx={{
            position: 'fixed',
            top: 8,
            left: 8,
            zIndex: (theme) => theme.zIndex.tooltip + 1,
            px: 2,
            py: 1,
            borderRadius: 1,
            bgcolor: 'background.paper',
            color: 'primary.main',
            fontWeight: 600,
            boxShadow: 4,
            outline: (theme) => `2px solid ${theme.palette.primary.main}`,
            // Visually hidden (still read and focusable) until focused.
            '&:not(:focus)': {
              clipPath: 'inset(50%)',
              width: '1px',
              height: '1px',
              overflow: 'hidden',
              whiteSpace: 'nowrap',
              p: 0,
              outline: 'none',
              boxShadow: 'none',
            },
          }}
        >
          {label}
        </Link>
      ))}
    </Box>
  )
}
