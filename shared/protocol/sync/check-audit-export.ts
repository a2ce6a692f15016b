import { createSHA256 } from 'hash-wasm'
import { describeIssues } from '../../validation'
import { AUDIT_GENESIS_HASH, auditLineText } from './audit-chain'
import { CaseAuditExportSchema } from './audit-export'

export type CaseAuditCheck = { ok: true; lines: number } | { ok: false; problem: string }

/**
 * Re-checks a case's audit export offline, trusting nothing in it: each line's hash is recomputed
 * from its content, lines next to each other in the chain must link, a line at the head must be the
 * head, the document must end with the line recording its export, and the server must have found the
 * whole chain intact up to the head. What it cannot see offline (the other cases' lines in between,
 * so also a line of this case left out between two that are not neighbours) rests on that
 * verification and on the head: the live chain's line at the head's id must still have its hash.
 */
export async function checkCaseAuditExport(document: unknown): Promise<CaseAuditCheck> {
  const parsed = CaseAuditExportSchema.safeParse(document)
  if (!parsed.success)
    return { ok: false, problem: `Not a case audit export: ${describeIssues(parsed.error)}` }
  const exported = parsed.data
  const hasher = await createSHA256()
  const sha256 = (text: string) => hasher.init().update(text).digest('hex')

  if (!exported.chain.ok)
    return {
      ok: false,
      problem: `The server found the audit chain broken at line ${exported.chain.brokenAt}: ${exported.chain.reason}`,
    }
  if (exported.chain.lines !== exported.head.id)
    return {
      ok: false,
      problem: `The verification covers ${exported.chain.lines} lines but the chain's head is line ${exported.head.id}.`,
    }
  if (exported.head.id === 0 && exported.head.hash !== AUDIT_GENESIS_HASH)
    return { ok: false, problem: 'An empty chain’s head must be the genesis hash.' }

  let previous: { id: number; hash: string } | undefined
  for (const line of exported.lines) {
    if (line.caseId !== exported.caseId)
      return { ok: false, problem: `Line ${line.id} is about another case (${String(line.caseId)}).` }
    if (previous && line.id <= previous.id)
      return {
        ok: false,
        problem: `Line ${line.id} comes after line ${previous.id}: lines are out of order.`,
      }
    if (line.id > exported.head.id)
      return { ok: false, problem: `Line ${line.id} is past the chain’s head (line ${exported.head.id}).` }
    if (sha256(auditLineText(line)) !== line.hash)
      return { ok: false, problem: `Line ${line.id}’s hash does not match its content.` }
    const expectedPrevious =
      line.id === 1 ? AUDIT_GENESIS_HASH : previous?.id === line.id - 1 ? previous.hash : undefined
    if (expectedPrevious !== undefined && line.prevHash !== expectedPrevious)
      return { ok: false, problem: `Line ${line.id} does not follow line ${line.id - 1}.` }
    if (line.id === exported.head.id && line.hash !== exported.head.hash)
      return { ok: false, problem: `Line ${line.id} is the chain’s head but its hash is not the head’s.` }
    previous = line
  }
  // The export records itself in the case's audit before reading it: a document cut short lacks it.
  const last = exported.lines.at(-1)
  if (
    last?.action !== 'audit-exported' ||
    last.userId !== exported.exportedBy ||
    last.at !== exported.exportedAt
  )
    return { ok: false, problem: 'The document does not end with the line that records its export.' }
  return { ok: true, lines: exported.lines.length }
}
