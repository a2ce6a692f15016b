/** One message of a chat transcript, always shown as text. */
export interface ChatLine {
  at: string | null
  sender: string
  message: string
}

export type ChatTranscriptResult = { ok: true; lines: ChatLine[] } | { ok: false; error: string }

/** Splits CSV text into rows, honouring quoted fields with commas, quotes and newlines. */
function csvRows(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      row.push(field)
      field = ''
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += char
  }
  if (field !== '' || row.length) {
    row.push(field)
    rows.push(row)
  }
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''))
}

/** Reads an order chat exported as CSV (timestamp, sender, message). */
export function parseChatCsv(text: string): ChatTranscriptResult {
  const [header, ...rows] = csvRows(text)
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
