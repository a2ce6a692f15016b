import { Divider, Stack, Typography } from '@mui/material'
import { ORDER_EVENT_LABELS, type OrderRecord } from '@shared/domain'
import { ChatBubble } from '@ui/ChatBubble'
import { formatDateTime } from '@ui/format/time'

type Line =
  | { kind: 'message'; at: string; from: 'customer' | 'shopper' | 'system'; text: string }
  | { kind: 'event'; at: string; label: string }

/**
 * The order's customer–shopper chat as a conversation, with the order's events between the messages
 * where they happened ("Shopper arrived at the customer" between "I'm outside" and "Left it at the
 * door"), so what was said reads against what the apps recorded.
 */
export function OrderChat({ order }: { order: OrderRecord }) {
  const lines: Line[] = [
    ...order.chat.map((message) => ({ kind: 'message' as const, ...message })),
    ...order.events.map((event) => ({
      kind: 'event' as const,
      at: event.at,
      label: ORDER_EVENT_LABELS[event.kind],
    })),
  ].sort((a, b) => a.at.localeCompare(b.at) || (a.kind === 'event' ? -1 : 1))
  if (order.chat.length === 0)
    return (
      <Typography variant="body2" color="text.secondary">
        The order export has no chat messages.
      </Typography>
    )
  return (
    <Stack spacing={1} aria-label="Order chat">
      {lines.map((line, index) =>
        line.kind === 'event' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed, sorted list
          <Divider key={index} data-testid="chat-order-event">
            <Typography variant="caption" color="text.secondary">
              {line.label} · {formatDateTime(line.at)}
            </Typography>
          </Divider>
        ) : (
          <ChatBubble
            // biome-ignore lint/suspicious/noArrayIndexKey: as above
            key={index}
            sender={line.from === 'system' ? 'Marketplace' : line.from === 'shopper' ? 'Shopper' : 'Customer'}
            at={formatDateTime(line.at)}
            fromShopper={line.from === 'shopper'}
          >
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {line.text}
            </Typography>
          </ChatBubble>
        ),
      )}
    </Stack>
  )
}
