import ChatBubbleOutlineOutlinedIcon from '@mui/icons-material/ChatBubbleOutlineOutlined'
import CropSquareIcon from '@mui/icons-material/CropSquare'
import NorthEastIcon from '@mui/icons-material/NorthEast'
import PanToolIcon from '@mui/icons-material/PanTool'
import SquareIcon from '@mui/icons-material/Square'
import { Button, Stack, ToggleButton, ToggleButtonGroup, Tooltip } from '@mui/material'
import type { ReactElement } from 'react'
import { type AnnotationTool, useAnnotationTool } from './annotation-tool-store'

const TOOLS: Array<{ tool: AnnotationTool; label: string; icon: ReactElement }> = [
  { tool: 'inspect', label: 'Pan and zoom', icon: <PanToolIcon fontSize="small" /> },
  { tool: 'rectangle', label: 'Draw a rectangle', icon: <CropSquareIcon fontSize="small" /> },
  { tool: 'arrow', label: 'Draw an arrow', icon: <NorthEastIcon fontSize="small" /> },
  { tool: 'callout', label: 'Add a text callout', icon: <ChatBubbleOutlineOutlinedIcon fontSize="small" /> },
  { tool: 'redaction', label: 'Redact an area', icon: <SquareIcon fontSize="small" /> },
]

/**
 * The marking tools over an image or PDF page, and "Save annotated copy…" (a PNG with the marks
 * and solid redactions burned in; the original stays as imported).
 */
export function AnnotationToolbar({ onSaveCopy, saveLabel }: { onSaveCopy(): void; saveLabel: string }) {
  const { tool, setTool } = useAnnotationTool()
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={tool}
        aria-label="Annotation tools"
        onChange={(_event, next: AnnotationTool | null) => next && setTool(next)}
      >
        {TOOLS.map((entry) => (
          <Tooltip key={entry.tool} title={entry.label}>
            <ToggleButton value={entry.tool} aria-label={entry.label}>
              {entry.icon}
            </ToggleButton>
          </Tooltip>
        ))}
      </ToggleButtonGroup>
      <Button size="small" onClick={onSaveCopy}>
        {saveLabel}
      </Button>
    </Stack>
  )
}
