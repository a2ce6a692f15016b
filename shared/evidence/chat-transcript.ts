import Papa from 'papaparse'

/** One message of a chat transcript, always shown as text. */
export interface ChatLine {
  at: string | null
  sender: string
  message: string
}

export type ChatTranscriptResult = { ok: true; lines: ChatLine[] } | { ok: false; error: string }

/** Reads an order chat exported as CSV (timestamp, sender, message). */
export function parseChatCsv(text: string): ChatTranscriptResult {
  // Quoted fields with commas, quotes and line breaks are RFC 4180; blank lines are skipped.
  const [header, ...rows] = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' }).data
  const columns = header?.map((name) => name.trim().toLowerCase()) ?? []
  const at = columns.indexOf('timestamp')
  const sender = columns.indexOf('sender')
  const message = columns.indexOf('message')
  if (sender < 0 || message < 0) {
    return {
      ok: false,
      error: 'This CSV has no "sender" and "message" columns, so it is shown as plain text.',
    }
  }
  return {
    ok: true,
    lines: rows.map((row) => ({
      at: at >= 0 ? (row[at] ?? null) : null,
      sender: row[sender] ?? '',
      message: row[message] ?? '',
    })),
  }
}

/** Reads an order chat exported as a JSON array of {timestamp, sender, message}. */
export function parseChatJson(text: string): ChatTranscriptResult {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, error: 'This JSON file is malformed, so it is shown as plain text.' }
  }
  if (!Array.isArray(value)) return { ok: false, error: 'This JSON file is not a list of messages.' }
  const lines: ChatLine[] = []
  for (const entry of value) {
    if (typeof entry !== 'object' || entry === null)
      return { ok: false, error: 'This JSON file is not a list of messages.' }
    const record = entry as Record<string, unknown>
    const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : null)
    lines.push({
      at: text('timestamp') ?? text('time'),
      sender: text('sender') ?? text('from') ?? 'Unknown',
      message: text('message') ?? text('text') ?? '',
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
  if (detectedType === 'text/plain') return parseChatText(text)
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
