import { repositories } from '@db/instance'
import { CommunicationsSection } from '@features/communications'
import { DeterminationSection } from '@features/determination'
import { EvidenceSection } from '@features/evidence'
import { OrderSection } from '@features/orders'
import { ReportSection } from '@features/report'
import { ServerAuditExport } from '@features/sync'
import { TimelineSection } from '@features/timeline'
import { VerificationSection } from '@features/verification'
import { Box, Stack, type SxProps, Tab, Tabs, type Theme, Typography } from '@mui/material'
import { focusQueue } from '@ui/focus-targets'
import { CASE_SECTIONS, type CaseSection } from '@workspace/case-sections'
import { isTypingTarget } from '@workspace/commands'
import { useWorkspaceUi } from '@workspace/workspace-store'
import { useLiveQuery } from 'dexie-react-hooks'
import type { ReactNode } from 'react'
import { AuditSection } from './AuditSection'
import { CaseHeader } from './CaseHeader'
import { NotesSection } from './NotesSection'
import { OverviewSection } from './OverviewSection'
import { PartiesSection } from './PartiesSection'
import { TasksSection } from './TasksSection'

/**
 * Every section's tab in sight at once: the tabs wrap onto a second row (a third in a narrow pane)
 * rather than scroll, so Report and Audit are never hidden behind an arrow. The selected tab is
 * underlined itself, as the sliding indicator cannot follow a tab onto another row.
 */
const CASE_TABS_SX: SxProps<Theme> = {
  px: 1,
  minHeight: 0,
  borderBottom: 1,
  borderColor: 'divider',
  '& .MuiTabs-list': { flexWrap: 'wrap', columnGap: 0.25 },
  '& .MuiTabs-indicator': { display: 'none' },
  '& .MuiTab-root': { minWidth: 0, minHeight: 34, px: 1.25, py: 0.5 },
  '& .MuiTab-root.Mui-selected': { boxShadow: (theme) => `inset 0 -2px 0 ${theme.palette.primary.main}` },
}

export function CasePane() {
  const caseId = useWorkspaceUi((state) => state.selectedCaseId)
  const record = useLiveQuery(
    async () => (caseId ? ((await repositories.cases.get(caseId)) ?? null) : null),
    [caseId],
  )
  // In the workspace's state: a command carried out on a tab (say "Log a call") shows its tab first.
  const section = useWorkspaceUi((state) => state.caseSection)
  const setSection = useWorkspaceUi((state) => state.showCaseSection)

  if (!caseId || record === null) {
    return (
      <Box sx={{ p: 3 }}>
        <Typography color="text.secondary">
          Select a case in the queue to open it (click it, or use ↑ and ↓).
        </Typography>
      </Box>
    )
  }
  if (!record) return null
  const sections: Record<CaseSection, ReactNode> = {
    Overview: <OverviewSection record={record} />,
    Parties: <PartiesSection caseId={caseId} />,
    Timeline: <TimelineSection caseId={caseId} />,
    Tasks: <TasksSection caseId={caseId} />,
    Notes: <NotesSection caseId={caseId} />,
    Communications: <CommunicationsSection record={record} />,
    Evidence: <EvidenceSection caseId={caseId} />,
    Order: <OrderSection caseId={caseId} />,
    Verification: <VerificationSection caseId={caseId} />,
    Determination: <DeterminationSection record={record} />,
    Report: <ReportSection record={record} />,
    Audit: (
      <Stack spacing={1}>
        <ServerAuditExport caseId={caseId} caseNumber={record.caseNumber} />
        <AuditSection caseId={caseId} />
      </Stack>
    ),
  }
  return (
    <Box
      sx={{ height: '100%', display: 'flex', flexDirection: 'column', bgcolor: 'background.default' }}
      onKeyDown={(event) => {
        // Esc goes back to the queue, unless it is closing a menu or clearing a field.
        if (event.key !== 'Escape' || event.defaultPrevented || isTypingTarget(event.target)) return
        focusQueue()
      }}
    >
      <CaseHeader record={record} />
      <Tabs
        value={section}
        onChange={(_, next: CaseSection) => setSection(next)}
        aria-label="Case sections"
        sx={CASE_TABS_SX}
      >
        {CASE_SECTIONS.map((name) => (
          <Tab key={name} value={name} label={name} />
        ))}
      </Tabs>
      <Box role="tabpanel" aria-label={section} sx={{ flex: 1, overflow: 'auto', p: 2 }}>
        {sections[section]}
      </Box>
    </Box>
  )
}
