import { strToU8 } from 'fflate'

export interface ChatMessage {
  at: string
  sender: string
  message: string
}

const csvField = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value)

/** The order chat as a CSV export (timestamp,sender,message), as support tools produce it. */
export function chatAsCsv(messages: readonly ChatMessage[]): Uint8Array {
  const lines = [
    'timestamp,sender,message',
    ...messages.map((m) => [m.at, m.sender, m.message].map(csvField).join(',')),
  ]
  return strToU8(`${lines.join('\n')}\n`)
}

/** The order chat as a JSON message array, as the in-app chat export produces it. */
export function chatAsJson(messages: readonly ChatMessage[]): Uint8Array {
  return strToU8(
    JSON.stringify(
      messages.map((m) => ({ timestamp: m.at, sender: m.sender, message: m.message })),
      null,
      2,
    ),
  )
}
