import { canAssign, useJoinedServer } from '@features/sync'
import { Button, Menu, MenuItem, Stack, Tooltip } from '@mui/material'
import { allowedTransitions, CASE_STATUS_INFO, type Case } from '@shared/domain'
import { useCommandRuntime } from '@workspace/commands'
import { useAnalyst } from '@workspace/useAnalyst'
import { useRef, useState } from 'react'
import { AssignCaseDialog } from './AssignCaseDialog'
import { assignCaseToMe, moveCaseTo } from './case-changes'
import { EditCaseDialog } from './EditCaseDialog'

/**
 * Status changes (only the workflow's allowed transitions), "assign to me" and, for a lead signed in
 * to a team server, assigning to anyone on the team, from the case header.
 */
export function CaseActions({ record }: { record: Case }) {
  const analyst = useAnalyst()
  const [menuOpen, setMenuOpen] = useState(false)
  const statusButton = useRef<HTMLButtonElement>(null)
  // The "s" shortcut and the palette open the status menu; the palette, the details form and the lead's assignment too.
  useCommandRuntime('case.change-status', () => setMenuOpen(true))
  const [editing, setEditing] = useState(false)
  useCommandRuntime('case.edit-details', () => setEditing(true))
  const joined = useJoinedServer()
  const [assigning, setAssigning] = useState(false)
  useCommandRuntime('case.assign', () => setAssigning(true), canAssign(joined))
  if (!analyst) return null

  return (
    <Stack direction="row" spacing={1}>
      {record.assigneeId !== analyst.id && (
        <Button size="small" variant="outlined" onClick={() => assignCaseToMe(record.id, analyst)}>
          Assign to me
        </Button>
      )}
      {canAssign(joined) && (
        <Button size="small" variant="outlined" onClick={() => setAssigning(true)}>
          Assign…
        </Button>
      )}
      <Button size="small" variant="outlined" onClick={() => setEditing(true)}>
        Edit details
      </Button>
      <Button
        ref={statusButton}
        size="small"
        variant="contained"
        aria-haspopup="menu"
        onClick={() => setMenuOpen(true)}
      >
        Change status
      </Button>
      <Menu anchorEl={statusButton.current} open={menuOpen} onClose={() => setMenuOpen(false)}>
        {allowedTransitions(record.status).map((status) => (
          <Tooltip key={status} title={CASE_STATUS_INFO[status].meaning} placement="left" describeChild>
            <MenuItem
              onClick={() => {
                setMenuOpen(false)
                void moveCaseTo(record.id, status, analyst)
              }}
            >
              {CASE_STATUS_INFO[status].label}
            </MenuItem>
          </Tooltip>
        ))}
      </Menu>
      {editing && <EditCaseDialog record={record} onClose={() => setEditing(false)} />}
      {assigning && <AssignCaseDialog record={record} lead={analyst} onClose={() => setAssigning(false)} />}
    </Stack>
  )
}
