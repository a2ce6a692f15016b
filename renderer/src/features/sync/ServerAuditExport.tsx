import { Button, Tooltip } from '@mui/material'
import { platform } from '@platform'
import { checkCaseAuditExport } from '@shared/protocol/sync/check-audit-export'
import { attempt, notify } from '@ui/notices'
import { useState } from 'react'
import { canAssign, useJoinedServer } from './useJoinedServer'

/**
 * A lead's or an admin's export of the case's audit as the team server holds it, with the proof
 * that its lines belong to the server's hash chain: checked here before it is saved, so what is
 * handed to a reviewer is known to verify. Shown only to leads and admins signed in to a server
 * (the server refuses anyone else, and audits the attempt).
 */
export function ServerAuditExport({ caseId, caseNumber }: { caseId: string; caseNumber: string }) {
  const joined = useJoinedServer()
  const [busy, setBusy] = useState(false)
  if (!canAssign(joined)) return null
  const exportAudit = async () => {
    setBusy(true)
    const saved = await attempt(async () => {
      const document = await platform.teamServer.caseAudit(caseId)
      const check = await checkCaseAuditExport(document)
      if (!check.ok) throw new Error(`The server's audit of ${caseNumber} does not verify: ${check.problem}`)
      const result = await platform.saveFile({
        title: 'Export the server audit',
        suggestedName: `${caseNumber}-server-audit.json`,
        mimeType: 'application/json',
        filters: [{ name: 'Audit exports', extensions: ['json'] }],
        bytes: new TextEncoder().encode(`${JSON.stringify(document, null, 2)}\n`),
      })
      return result.saved ? check.lines : null
    })
    setBusy(false)
    if (typeof saved === 'number')
      notify(
        'success',
        `Exported the server audit of ${caseNumber}: ${saved} line${saved === 1 ? '' : 's'}, hash chain verified.`,
      )
  }
  return (
    <Tooltip title="The case's audit as the team server holds it, with the hash-chain proof a reviewer can re-check">
      <span>
        <Button size="small" variant="outlined" onClick={exportAudit} disabled={busy}>
          {busy ? 'Exporting…' : 'Export server audit…'}
        </Button>
      </span>
    </Tooltip>
  )
}
