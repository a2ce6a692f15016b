import { parse as parseYaml, stringify as stringifyYaml } from 'yaml'
import type { OutcomeKind } from '../../domain/determination'
import { describeIssues } from '../../validation'
import { type PolicyAudience, type PolicyDocument, PolicyDocumentSchema } from './policy-document'

/**
 * Policy documents as Markdown, for writing and reviewing them outside the app: YAML front matter
 * for the document (id, title, version, effectiveFrom, example), the summary, then one `## <id>
 * <title>` section per clause, starting with its "Applies to", "Severity" and "Outcomes" lines.
 */

const FIELD_LINES = {
  appliesTo: 'Applies to',
  severityGuidance: 'Severity',
  allowedOutcomes: 'Outcomes',
} as const

export function policyToMarkdown(policy: PolicyDocument): string {
  const front = stringifyYaml({
    id: policy.id,
    title: policy.title,
    version: policy.version,
    effectiveFrom: policy.effectiveFrom,
    example: policy.example,
  })
  const clauses = policy.clauses.map((clause) =>
    [
      `## ${clause.id} ${clause.title}`,
      '',
      `${FIELD_LINES.appliesTo}: ${clause.appliesTo.join(', ')}`,
      `${FIELD_LINES.severityGuidance}: ${clause.severityGuidance}`,
      `${FIELD_LINES.allowedOutcomes}: ${clause.allowedOutcomes.join(', ')}`,
      '',
      clause.text,
    ].join('\n'),
  )
  return `---\n${front}---\n\n${policy.summary}\n\n${clauses.join('\n\n')}\n`
}

export class PolicyFormatError extends Error {
  override name = 'PolicyFormatError'
}

const list = (value: string) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)

/** Reads a policy written as Markdown; every problem is reported with where it is. */
export function policyFromMarkdown(markdown: string): PolicyDocument {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n')
  if (lines[0]?.trim() !== '---')
    throw new PolicyFormatError('Line 1: a policy starts with front matter between two "---" lines.')
  const frontEnd = lines.indexOf('---', 1)
  if (frontEnd < 0) throw new PolicyFormatError('The front matter has no closing "---" line.')
  let front: unknown
  try {
    front = parseYaml(lines.slice(1, frontEnd).join('\n'))
  } catch (error) {
    throw new PolicyFormatError(
      `The front matter is not valid YAML: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
  if (!front || typeof front !== 'object')
    throw new PolicyFormatError('The front matter must hold id, title, version, effectiveFrom and example.')

  const headings = lines
    .map((line, index) => ({ line, index }))
    .filter(({ index, line }) => index > frontEnd && line.startsWith('## '))
  const summaryEnd = headings[0]?.index ?? lines.length
  const clauses = headings.map(({ line, index }, position) => {
    const match = /^## (\S+)\s+(.+)$/.exec(line)
    if (!match) throw new PolicyFormatError(`Line ${index + 1}: a clause heading is "## <id> <title>".`)
    const body = lines.slice(index + 1, headings[position + 1]?.index ?? lines.length)
    const fields: Record<string, string> = {}
    const text: string[] = []
    for (const [offset, raw] of body.entries()) {
      const field = Object.entries(FIELD_LINES).find(([, label]) => raw.startsWith(`${label}:`))
      if (field && text.every((line) => line.trim() === ''))
        fields[field[0]] = raw.slice(field[1].length + 1).trim()
      else if (field)
        throw new PolicyFormatError(
          `Line ${index + offset + 2}: "${field[1]}:" belongs before the clause's text.`,
        )
      else text.push(raw)
    }
    for (const [name, label] of Object.entries(FIELD_LINES))
      if (fields[name] === undefined)
        throw new PolicyFormatError(`Clause ${match[1]} (line ${index + 1}) has no "${label}:" line.`)
    return {
      id: match[1]!,
      title: match[2]!.trim(),
      text: text.join('\n').trim(),
      appliesTo: list(fields.appliesTo!) as PolicyAudience[],
      severityGuidance: fields.severityGuidance!,
      allowedOutcomes: list(fields.allowedOutcomes!) as OutcomeKind[],
    }
  })
  const parsed = PolicyDocumentSchema.safeParse({
    ...front,
    summary: lines
      .slice(frontEnd + 1, summaryEnd)
      .join('\n')
      .trim(),
    clauses,
  })
  if (!parsed.success) throw new PolicyFormatError(`The policy is not valid: ${describeIssues(parsed.error)}`)
  return parsed.data
}
