import { Box } from '@mui/material'
import { Group, Panel, Separator, useDefaultLayout } from 'react-resizable-panels'
import { CasePane } from '../case/CasePane'
import { EvidencePane } from '../evidence-pane/EvidencePane'
import { QueuePane } from '../queue/QueuePane'

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

/** Queue | case | evidence, resizable; the sizes are remembered in localStorage. */
export function Workspace() {
  const layout = useDefaultLayout({ id: 'crw.workspace', storage: localStorage })
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
        <CasePane />
      </Panel>
      <PaneSeparator label="Resize case and evidence panes" />
      <Panel id="evidence" defaultSize="26%" minSize="15%">
        <EvidencePane />
      </Panel>
    </Group>
  )
}
