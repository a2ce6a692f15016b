import { Button, Menu, MenuItem, Stack, Tooltip } from '@mui/material'
import { useState } from 'react'
import { allowedTransitions, CASE_STATUS_INFO, type Case, type CaseStatus } from '../../../../shared/domain'
import { repositories } from '../../db/instance'
import { useAnalyst } from '../identity/useAnalyst'
import { notify } from '../shell/notices'

/** Status changes (only the workflow's allowed transitions) and "assign to me", from the case header. */
export function CaseActions({ record }: { record: Case }) {
  const analyst = useAnalyst()
  const [menuAnchor, setMenuAnchor] = useState<HTMLElement | null>(null)
  if (!analyst) return null

  const change = async (patch: Parameters<typeof repositories.cases.update>[1], done: string) => {
    try {
      await repositories.cases.update(record.id, patch, analyst)
      notify('success', done)
    } catch (failure) {
      notify('error', failure instanceof Error ? failure.message : String(failure))
    }
  }
  const moveTo = (status: CaseStatus) => {
    setMenuAnchor(null)
    void change({ status }, `${record.caseNumber} is now ${CASE_STATUS_INFO[status].label}.`)
  }

  return (
    <Stack direction="row" spacing={1}>
      {record.assigneeId !== analyst.id && (
        <Button
          size="small"
          variant="outlined"
          onClick={() =>
            change(
              { assigneeId: analyst.id, assigneeName: analyst.name },
              `${record.caseNumber} is assigned to you.`,
            )
          }
        >
          Assign to me
        </Button>
      )}
      <Button
        size="small"
        variant="contained"
        aria-haspopup="menu"
        onClick={(event) => setMenuAnchor(event.currentTarget)}
      >
        Change status
      </Button>
      <Menu anchorEl={menuAnchor} open={menuAnchor !== null} onClose={() => setMenuAnchor(null)}>
        {allowedTransitions(record.status).map((status) => (
          <Tooltip key={status} title={CASE_STATUS_INFO[status].meaning} placement="left" describeChild>
            <MenuItem onClick={() => moveTo(status)}>{CASE_STATUS_INFO[status].label}</MenuItem>
          </Tooltip>
        ))}
      </Menu>
    </Stack>
  )
}
