import { CasePane } from '@features/case'
import { QueuePane } from '@features/queue'
import { Box } from '@mui/material'
import { CASE_PANE_ID, focusQueueIfFocusLost } from '@ui/focus-targets'
import { useCommandRuntime } from '@workspace/commands'
import { useWorkspaceUi } from '@workspace/workspace-store'
import { useEffect, useState } from 'react'
import { Group, Panel, Separator, useDefaultLayout, usePanelRef } from 'react-resizable-panels'
import { EvidencePaneFrame } from './EvidencePaneFrame'

function PaneSeparator({ label }: { label: string }) {
  return (
    <Separator aria-label={label}>
      <Box
        sx={{
          width: 5,
          height: '100%',
          bgcolor: 'divider',
          '&:hover': { bgcolor: 'primary.main' },
          cursor: 'col-resize',
        }}
      />
    </Separator>
  )
}

/**
 * Queue | case | evidence, resizable; the sizes, and whether the evidence pane is hidden, are
 * remembered in localStorage.
 */
export function Workspace() {
  const layout = useDefaultLayout({ id: 'crw.workspace', storage: localStorage })
  const evidencePanel = usePanelRef()
  const [evidenceCollapsed, setEvidenceCollapsed] = useState(false)
  const toggleEvidence = () => {
    const panel = evidencePanel.current
    if (panel?.isCollapsed()) panel.expand()
    else panel?.collapse()
  }
  // While the pane is hidden: the palette's "Show the evidence pane", and where an exhibit's command looks.
  useCommandRuntime('workstation.show-evidence-pane', toggleEvidence, evidenceCollapsed)
  // An exhibit chosen on the Evidence tab opens in this pane: a hidden pane shows itself for it.
  const selectedEvidenceId = useWorkspaceUi((state) => state.selectedEvidenceId)
  useEffect(() => {
    if (selectedEvidenceId && evidencePanel.current?.isCollapsed()) evidencePanel.current.expand()
  }, [selectedEvidenceId, evidencePanel])
  // j and k work from the start: the queue has the focus unless something else took it.
  useEffect(() => {
    const frame = focusQueueIfFocusLost()
    return () => cancelAnimationFrame(frame)
  }, [])

  return (
    <Group
      orientation="horizontal"
      defaultLayout={layout.defaultLayout}
      onLayoutChanged={layout.onLayoutChanged}
      style={{ flex: 1, minHeight: 0 }}
    >
      <Panel id="queue" defaultSize="34%" minSize="20%">
        <QueuePane />
      </Panel>
      <PaneSeparator label="Resize queue and case panes" />
      <Panel id="case" defaultSize="40%" minSize="25%">
        <Box
          id={CASE_PANE_ID}
          role="region"
          aria-label="Case pane"
          tabIndex={-1}
          sx={{ height: '100%', outline: 'none' }}
        >
          <CasePane />
        </Box>
      </Panel>
      <PaneSeparator label="Resize case and evidence panes" />
      <Panel
        id="evidence"
        panelRef={evidencePanel}
        defaultSize="26%"
        minSize="15%"
        collapsible
        collapsedSize="36px"
        onResize={() => setEvidenceCollapsed(evidencePanel.current?.isCollapsed() ?? false)}
      >
        <EvidencePaneFrame collapsed={evidenceCollapsed} onToggle={toggleEvidence} />
      </Panel>
    </Group>
  )
}
