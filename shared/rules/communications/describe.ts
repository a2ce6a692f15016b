import type { Communication } from '../../domain'

export const CHANNEL_LABELS = {
  phone: 'Call',
  email: 'Email',
  sms: 'Text message',
  in_app_chat: 'In-app chat',
} as const

export const CALL_OUTCOME_LABELS = {
  reached: 'Reached',
  voicemail: 'Left voicemail',
  no_answer: 'No answer',
  declined: 'Declined to talk',
  wrong_number: 'Wrong number',
} as const

/** "12 min", "1 h 5 min", "45 s": how long a call took, as a log line reads it. */
export function formatCallDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return `${minutes} min`
  const rest = minutes % 60
  return rest ? `${Math.floor(minutes / 60)} h ${rest} min` : `${minutes / 60} h`
}

/**
 * How a call or message reads on the timeline and in the audit log: "Call to Dana Okafor — Reached,
 * 12 min", "Email to Dana Okafor: We received your report".
 */
export function describeCommunication(
  message: Pick<Communication, 'channel' | 'direction' | 'durationSeconds' | 'outcome' | 'subject' | 'body'>,
  partyName: string | null,
): { title: string; detail: string } {
  const channel = CHANNEL_LABELS[message.channel]
  const heading = partyName
    ? `${channel} ${message.direction === 'outbound' ? 'to' : 'from'} ${partyName}`
    : `${message.direction === 'outbound' ? 'Outgoing' : 'Incoming'} ${channel.toLowerCase()}`
  if (message.channel === 'phone') {
    const facts = [
      message.outcome ? CALL_OUTCOME_LABELS[message.outcome] : null,
      message.durationSeconds !== null ? formatCallDuration(message.durationSeconds) : null,
    ].filter(Boolean)
    return { title: facts.length ? `${heading} — ${facts.join(', ')}` : heading, detail: message.body }
  }
  return {
    title: message.subject ? `${heading}: ${message.subject}`.slice(0, 300) : heading,
    detail: message.body,
  }
}
