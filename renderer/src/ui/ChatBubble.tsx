import { Paper, Stack, Typography } from '@mui/material'
import { showUntrusted } from '@shared/untrusted-text'
import type { ReactNode } from 'react'

/**
 * One message of a conversation: the customer's on the left, the shopper's on the right (tinted),
 * with the sender and time above the text. Text is always rendered as text, never as HTML.
 */
export function ChatBubble({
  sender,
  at,
  fromShopper,
  action,
  children,
}: {
  sender: string
  at: string | null
  fromShopper: boolean
  /** A control beside the sender line (e.g. "add a note"). */
  action?: ReactNode
  /** The message text, and anything under it (notes). */
  children: ReactNode
}) {
  return (
    <Paper
      variant="outlined"
      data-testid="transcript-message"
      sx={{
        p: 1,
        maxWidth: '85%',
        alignSelf: fromShopper ? 'flex-end' : 'flex-start',
        bgcolor: fromShopper ? 'action.hover' : undefined,
      }}
    >
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="caption" color="text.secondary" sx={{ flex: 1 }}>
          {/* A sender's name is theirs to choose: shown with controls and overrides replaced. */}
          {showUntrusted(sender)}
          {at ? ` · ${at}` : ''}
        </Typography>
        {action}
      </Stack>
      {children}
    </Paper>
  )
}
