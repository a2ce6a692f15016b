import { Alert, List, ListItemButton, ListItemText } from '@mui/material'
import { platform } from '@platform'
import { type Actor, type Case, UNASSIGNED } from '@shared/domain'
import type { TeamUser } from '@shared/protocol/sync/protocol'
import { PanelDialog } from '@ui/PanelDialog'
import { useEffect, useState } from 'react'
import { assignCase } from './case-changes'

/** A lead's assignment of a case to anyone on the team (or back to the queue). */
export function AssignCaseDialog({ record, lead, onClose }: { record: Case; lead: Actor; onClose(): void }) {
  const [members, setMembers] = useState<TeamUser[] | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  useEffect(() => {
    platform.teamServer
      .team()
      .then(setMembers, (error: Error) => setProblem(`The team list cannot be read now: ${error.message}`))
  }, [])
  const choose = async (assignee: { id: string; name: string }) => {
    onClose()
    await assignCase(record.id, assignee, lead)
  }
  return (
    <PanelDialog title={`Assign ${record.caseNumber}`} width="xs" closeLabel="Cancel" onClose={onClose}>
      {problem && <Alert severity="warning">{problem}</Alert>}
      <List aria-label="Team members">
        <ListItemButton
          selected={record.assigneeId === UNASSIGNED}
          onClick={() => choose({ id: UNASSIGNED, name: '' })}
        >
          <ListItemText primary="Unassigned (team queue)" />
        </ListItemButton>
        {(members ?? []).map((member) => (
          <ListItemButton
            key={member.id}
            selected={record.assigneeId === member.id}
            onClick={() => choose({ id: member.id, name: member.displayName })}
          >
            <ListItemText primary={member.displayName} secondary={`${member.username} · ${member.role}`} />
          </ListItemButton>
        ))}
      </List>
    </PanelDialog>
  )
}
