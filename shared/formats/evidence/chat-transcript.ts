import Papa from 'papaparse'

/** One message of a chat transcript, always shown as text. */
export interface ChatLine {
  at: string | null
  sender: string
  message: string
}

export type ChatTranscriptResult = { ok: true; lines: ChatLine[] } | { ok: false; error: string }

/**
 * The column (or JSON key) names chat and support tools really export, lowercased with spaces,
 * dashes and underscores dropped: Slack, Zendesk, Intercom, WhatsApp and marketplace chat exports
 * among them. First match wins, so the most specific names come first.
 */
const TIME_NAMES = ['timestamp', 'sentat', 'createdat', 'datetime', 'time', 'date', 'ts', 'sent', 'created']
const SENDER_NAMES = [
  'sender',
  'sendername',
  'from',
  'author',
  'authorname',
  'user',
  'username',
  'name',
  'speaker',
]
const MESSAGE_NAMES = ['message', 'messagetext', 'text', 'body', 'content', 'msg', 'comment']

const columnKey = (name: string) =>
  name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '')

/** Which of `names` (each a column or key name) is the first of `wanted` found, by its index. */
function findColumn(names: readonly string[], wanted: readonly string[]): number {
  const keys = names.map(columnKey)
  for (const name of wanted) {
    const index = keys.indexOf(name)
    if (index >= 0) return index
  }
  return -1
}

/** Whether a CSV's header row names a sender and a message column (in any order). */
export function isChatCsvHeader(header: readonly string[]): boolean {
  return findColumn(header, SENDER_NAMES) >= 0 && findColumn(header, MESSAGE_NAMES) >= 0
}

/** Reads a chat exported as CSV: a header naming a sender and a message column, a time column if any. */
export function parseChatCsv(text: string): ChatTranscriptResult {
  // Quoted fields with commas, quotes and line breaks are RFC 4180; blank lines are skipped; a
  // byte-order mark before the header is not part of the first column's name.
  const [header, ...rows] = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), {
    skipEmptyLines: 'greedy',
  }).data
  const columns = header ?? []
  const at = findColumn(columns, TIME_NAMES)
  const sender = findColumn(columns, SENDER_NAMES)
  const message = findColumn(columns, MESSAGE_NAMES)
  if (sender < 0 || message < 0) {
    return {
      ok: false,
      error: 'This CSV has no "sender" and "message" columns, so it is shown as plain text.',
    }
  }
  return {
    ok: true,
    lines: rows.map((row) => ({
      at: at >= 0 ? row[at]?.trim() || null : null,
      sender: row[sender] ?? '',
      message: row[message] ?? '',
    })),
  }
}

/**
 * A time as an export gives it: text as written, or seconds / milliseconds since 1970 (Slack's
 * "ts" is seconds with a fraction) as an ISO instant.
 */
function timeText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return null
  const millis = value < 1e11 ? value * 1000 : value
  const date = new Date(millis)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

/** A sender as an export gives it: a name, or an object holding one. */
function senderText(value: unknown): string | null {
  if (typeof value === 'string') return value
  if (typeof value === 'object' && value !== null) {
    const person = value as Record<string, unknown>
    for (const key of ['name', 'displayName', 'display_name', 'username', 'email', 'id'])
      if (typeof person[key] === 'string') return person[key] as string
  }
  return null
}

/** The messages of a JSON export: a list of messages, or an object holding one under some key. */
function messageList(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value
  if (typeof value !== 'object' || value === null) return null
  const lists = Object.values(value).filter(
    (inner): inner is unknown[] => Array.isArray(inner) && inner.length > 0 && typeof inner[0] === 'object',
  )
  return lists.length === 1 ? lists[0]! : null
}

/** Reads a chat exported as JSON: a list of messages (or an object holding one), each with a sender, text and time. */
export function parseChatJson(text: string): ChatTranscriptResult {
  let value: unknown
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    return { ok: false, error: 'This JSON file is malformed, so it is shown as plain text.' }
  }
  const entries = messageList(value)
  if (!entries) return { ok: false, error: 'This JSON file is not a list of messages.' }
  const lines: ChatLine[] = []
  for (const entry of entries) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
      return { ok: false, error: 'This JSON file is not a list of messages.' }
    const keys = Object.keys(entry)
    const field = (wanted: readonly string[]) => {
      const index = findColumn(keys, wanted)
      return index >= 0 ? (entry as Record<string, unknown>)[keys[index]!] : undefined
    }
    const message = field(MESSAGE_NAMES)
    lines.push({
      at: timeText(field(TIME_NAMES)),
      sender: senderText(field(SENDER_NAMES)) ?? 'Unknown',
      message: typeof message === 'string' ? message : message == null ? '' : JSON.stringify(message),
    })
  }
  return { ok: true, lines }
}

/**
 * One line of a plain-text chat log: an optional time (in brackets or not), the sender, a colon and
 * the message, e.g. "[2026-03-08 05:40] Dana (customer): hi" or "05:41 - Luis (shopper): on my way".
 */
const TEXT_LINE =
  /^\s*(?:\[([^\]]{1,40})\]|(\d{1,4}[-/.:]\d{1,2}(?:[-/.:T ]\d{1,2}){0,4}(?::\d{2})?(?:\.\d+)?Z?(?:\s?[AaPp][Mm])?))?\s*[-–]?\s*([^:\n]{1,60}?):\s+(.*)$/

/**
 * Reads a plain-text chat log. Lines that do not start a message continue the one before; when
 * most lines are not messages, the file is not a chat and stays plain text.
 */
export function parseChatText(text: string): ChatTranscriptResult {
  const lines: ChatLine[] = []
  let nonEmpty = 0
  let matched = 0
  for (const raw of text.split(/\r?\n/)) {
    if (!raw.trim()) continue
    nonEmpty++
    const match = TEXT_LINE.exec(raw)
    if (match && (match[1] || match[2] || lines.length === 0 || matched > 0)) {
      matched++
      lines.push({
        at: (match[1] ?? match[2] ?? null)?.trim() || null,
        sender: match[3]!.trim(),
        message: match[4]!,
      })
    } else if (lines.length) lines[lines.length - 1]!.message += `\n${raw}`
  }
  if (nonEmpty === 0 || matched / nonEmpty < 0.5)
    return {
      ok: false,
      error: 'This text is not laid out as "sender: message" lines, so it is shown as it is.',
    }
  return { ok: true, lines }
}

/** The transcript in a file of this type, or why it is shown as plain text; null when not a transcript type. */
export function parseTranscript(detectedType: string, text: string): ChatTranscriptResult | null {
  if (detectedType === 'text/csv') return parseChatCsv(text)
  if (detectedType === 'application/json') return parseChatJson(text)
  if (detectedType === 'text/plain') {
    // Items imported before CSV detection read quoted fields were typed as plain text: a chat
    // header on the first line still makes them a chat.
    const chat = parseChatText(text)
    if (chat.ok) return chat
    const csv = parseChatCsv(text)
    return csv.ok ? csv : chat
  }
  return null
}

/** The words of a search, lowercased: each must appear, in any order. */
export function searchWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean)
}

/** The messages that contain the words searched for (all of them, in any order, any case). */
export function searchTranscript(lines: readonly ChatLine[], query: string): number[] {
  const words = searchWords(query)
  const found: number[] = []
  lines.forEach((line, index) => {
    const haystack = `${line.sender}\n${line.message}`.toLowerCase()
    if (words.every((word) => haystack.includes(word))) found.push(index)
  })
  return found
}
