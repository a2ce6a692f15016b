import {
  PARTY_ROLE_LABELS,
  type Party,
  PERSONAL_DATUM_LABELS,
  type PersonalDatum,
  type RedactionLogEntry,
  type RedactionProfile,
} from '../../domain'
import type { ReportDocument, ReportMark, ReportNode } from './report-document'

/**
 * Redaction for an audience: hidden values are taken out of the document before it is printed (text
 * and table cells alike), so they are nowhere in the PDF; every hiding is counted in the export's
 * redaction log.
 */

/** A hidden value stands as a solid run of blocks as long as it was (nothing of it survives). */
const blocks = (value: string) => '█'.repeat(Math.max(3, Math.min(30, value.length)))

interface Secret {
  value: string
  rule: string
  detail: string
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function secretsOf(parties: readonly Party[], profile: RedactionProfile): Secret[] {
  const secrets: Secret[] = []
  for (const party of parties) {
    const hidden = profile[party.role] ?? []
    const role = PARTY_ROLE_LABELS[party.role].toLowerCase()
    const add = (datum: PersonalDatum, value: string | undefined) => {
      if (!hidden.includes(datum) || !value?.trim()) return
      secrets.push({
        value: value.trim(),
        rule: `${role} ${PERSONAL_DATUM_LABELS[datum]}`,
        detail: `${PERSONAL_DATUM_LABELS[datum]} of the ${role} ${hidden.includes('name') ? '(name hidden)' : party.name}`,
      })
    }
    add('name', party.name)
    add('phone', party.contact.phone)
    add('email', party.contact.email)
    add('address', party.contact.address)
    add('accountId', party.accountId)
  }
  // Longest first, so an address is hidden whole before a name inside it.
  return secrets.sort((a, b) => b.value.length - a.value.length)
}

/**
 * The document as the audience may read it, and the log of what was hidden. Parties' hidden data is
 * taken out of every text, mention and table cell; a hidden party's statements (their rows of the
 * communications table, their column of the corroboration matrix) are withheld.
 */
export function redactForAudience(
  document: ReportDocument,
  parties: readonly Party[],
  profile: RedactionProfile,
): { document: ReportDocument; log: RedactionLogEntry[] } {
  const secrets = secretsOf(parties, profile)
  const counts = new Map<string, { detail: string; count: number }>()
  const count = (rule: string, detail: string, by = 1) => {
    const entry = counts.get(`${rule}\u0000${detail}`) ?? { detail, count: 0 }
    entry.count += by
    counts.set(`${rule}\u0000${detail}`, entry)
  }
  const pattern = secrets.length
    ? new RegExp(`(${secrets.map((secret) => escapeRegExp(secret.value)).join('|')})`, 'gi')
    : null
  const secretFor = (found: string) =>
    secrets.find((secret) => secret.value.toLowerCase() === found.toLowerCase())!
  const hideIn = (text: string): string =>
    pattern
      ? text.replace(pattern, (found) => {
          const secret = secretFor(found)
          count(secret.rule, secret.detail)
          return blocks(found)
        })
      : text
  const withheldStatements = parties.filter((party) => (profile[party.role] ?? []).includes('statements'))
  const partyLabel = (party: Party) => `${PARTY_ROLE_LABELS[party.role].toLowerCase()}`
  let manual = 0

  const visit = (node: ReportNode): ReportNode[] => {
    if (node.marks?.some((mark) => mark.type === 'redaction')) manual++
    if (
      node.type === 'text' &&
      node.text &&
      pattern &&
      !node.marks?.some((mark) => mark.type === 'redaction')
    ) {
      // Each hidden value becomes its own text node marked as redacted: printed as a bar, with no text.
      const parts = node.text.split(pattern)
      if (parts.length === 1) return [node]
      // split() with a capturing group puts the matches at the odd places.
      return parts.flatMap((part, index): ReportNode[] => {
        if (part === '') return []
        if (index % 2 === 0) return [{ ...node, text: part }]
        const secret = secretFor(part)
        count(secret.rule, secret.detail)
        const marks: ReportMark[] = [...(node.marks ?? []), { type: 'redaction' }]
        return [{ ...node, text: blocks(part), marks }]
      })
    }
    if (node.type === 'partyMention') {
      const name = String(node.attrs?.name ?? '')
      const secret = secrets.find((candidate) => candidate.value.toLowerCase() === name.toLowerCase())
      if (secret) {
        count(secret.rule, secret.detail)
        return [
          {
            ...node,
            attrs: { ...node.attrs, name: blocks(name) },
            marks: [...(node.marks ?? []), { type: 'redaction' }],
          },
        ]
      }
      return [node]
    }
    if (node.type === 'caseTable') return [redactTable(node)]
    if (node.type === 'exhibitFigure')
      return [{ ...node, attrs: { ...node.attrs, caption: hideIn(String(node.attrs?.caption ?? '')) } }]
    return [node.content ? { ...node, content: node.content.flatMap(visit) } : node]
  }

  function redactTable(node: ReportNode): ReportNode {
    const columns = ((node.attrs?.columns as string[] | undefined) ?? []).map(hideIn)
    let rows = ((node.attrs?.rows as string[][] | undefined) ?? []).map((row) => [...row])
    const source = node.attrs?.source
    for (const party of withheldStatements) {
      const rule = `${partyLabel(party)} statements`
      const detail = `statements of the ${partyLabel(party)}`
      if (source === 'communications') {
        // Columns: When, Channel, Party, Subject or summary, Outcome.
        rows = rows.map((row) => {
          if (row[2] !== party.name) return row
          count(rule, detail)
          return [row[0]!, row[1]!, row[2]!, 'Withheld for this audience', row[4] ?? '']
        })
      }
      if (source === 'corroboration') {
        const column = ((node.attrs?.columns as string[] | undefined) ?? []).findIndex((label) =>
          label.startsWith(`${party.name} (`),
        )
        if (column > 0) {
          rows = rows.map((row) => row.map((cell, index) => (index === column ? 'Withheld' : cell)))
          count(rule, detail, rows.length)
        }
      }
    }
    return { ...node, attrs: { ...node.attrs, columns, rows: rows.map((row) => row.map(hideIn)) } }
  }

  const redacted = {
    ...document,
    content: (document.content ?? []).flatMap((node) => visit(node as ReportNode)),
  }
  const log: RedactionLogEntry[] = [...counts].map(([key, { detail, count: hidden }]) => ({
    rule: key.split('\u0000')[0]!,
    detail,
    count: hidden,
  }))
  if (manual) log.push({ rule: 'manual', detail: "the analyst's own redactions", count: manual })
  return { document: redacted as ReportDocument, log }
}
