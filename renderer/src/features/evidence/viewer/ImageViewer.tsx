import FitScreenIcon from '@mui/icons-material/FitScreen'
import RotateLeftIcon from '@mui/icons-material/RotateLeft'
import RotateRightIcon from '@mui/icons-material/RotateRight'
import ZoomInIcon from '@mui/icons-material/ZoomIn'
import ZoomOutIcon from '@mui/icons-material/ZoomOut'
import { Box, Button, IconButton, Stack, Tooltip, Typography } from '@mui/material'
import type { PageMark } from '@shared/domain'
import { screenToFraction } from '@shared/formats/evidence/annotation-geometry'
import { type PointerEvent, useRef, useState } from 'react'
import { AnnotationLayer } from '../annotate/AnnotationLayer'

const MAX_ZOOM = 8
const MIN_ZOOM = 0.05
const STEP = 1.25
const VIEW_HEIGHT = 380

/**
 * A photo as evidence is looked at: fitted, or zoomed up to 800% with every pixel a sharp square,
 * panned by dragging, and turned in quarter turns. Given `annotations`, its marks are laid over it
 * and turn and zoom with it. The original bytes are never touched.
 */
export function ImageViewer({
  url,
  alt,
  onBroken,
  annotations,
}: {
  url: string
  alt: string
  onBroken(): void
  annotations?: { evidenceId: string; marks: PageMark[] }
}) {
  const view = useRef<HTMLDivElement>(null)
  const [natural, setNatural] = useState<{ width: number; height: number } | null>(null)
  const [zoom, setZoom] = useState<number | 'fit'>('fit')
  const [rotation, setRotation] = useState(0)
  const [pan, setPan] = useState({ x: 0, y: 0 })
  const drag = useRef<{ x: number; y: number; panX: number; panY: number } | null>(null)

  const turned = rotation % 180 !== 0
  const fitScale = (() => {
    if (!natural || !view.current) return 1
    const width = turned ? natural.height : natural.width
    const height = turned ? natural.width : natural.height
    return Math.min(view.current.clientWidth / width, VIEW_HEIGHT / height, MAX_ZOOM)
  })()
  const scale = zoom === 'fit' ? fitScale : zoom
  const setScale = (next: number) => {
    setZoom(Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, next)))
    if (next <= fitScale) setPan({ x: 0, y: 0 })
  }
  const fit = () => {
    setZoom('fit')
    setPan({ x: 0, y: 0 })
  }

  const onPointerDown = (event: PointerEvent) => {
    if (zoom === 'fit') return
    event.currentTarget.setPointerCapture(event.pointerId)
    drag.current = { x: event.clientX, y: event.clientY, panX: pan.x, panY: pan.y }
  }
  const onPointerMove = (event: PointerEvent) => {
    const start = drag.current
    if (start) setPan({ x: start.panX + event.clientX - start.x, y: start.panY + event.clientY - start.y })
  }

  return (
    <Stack spacing={0.5}>
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center' }} aria-label="Image tools">
        <Tooltip title="Fit">
          <IconButton size="small" aria-label="Fit" onClick={fit}>
            <FitScreenIcon fontSize="small" />
          </IconButton>
        </Tooltip>
        <Tooltip title="Zoom out">
          <IconButton size="small" aria-label="Zoom out" onClick={() => setScale(scale / STEP)}>
            <ZoomOutIcon fontSize="small" />
          </IconButton>
        </Tooltip>
        <Typography variant="caption" data-testid="image-zoom" sx={{ minWidth: 44, textAlign: 'center' }}>
          {zoom === 'fit' ? `Fit ${Math.round(scale * 100)}%` : `${Math.round(scale * 100)}%`}
        </Typography>
        <Tooltip title="Zoom in">
          <IconButton
            size="small"
            aria-label="Zoom in"
            disabled={scale >= MAX_ZOOM}
            onClick={() => setScale(scale * STEP)}
          >
            <ZoomInIcon fontSize="small" />
          </IconButton>
        </Tooltip>
        <Button size="small" onClick={() => setScale(1)}>
          100%
        </Button>
        <Button size="small" onClick={() => setScale(MAX_ZOOM)}>
          800%
        </Button>
        <Tooltip title="Rotate left">
          <IconButton
            size="small"
            aria-label="Rotate left"
            onClick={() => setRotation((turn) => (turn + 270) % 360)}
          >
            <RotateLeftIcon fontSize="small" />
          </IconButton>
        </Tooltip>
        <Tooltip title="Rotate right">
          <IconButton
            size="small"
            aria-label="Rotate right"
            onClick={() => setRotation((turn) => (turn + 90) % 360)}
          >
            <RotateRightIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      </Stack>
      <Box
        ref={view}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => {
          drag.current = null
        }}
        onWheel={(event) => {
          // Ctrl/Cmd + wheel zooms, as in every image tool; a plain wheel keeps scrolling the pane.
          if (event.ctrlKey || event.metaKey) setScale(event.deltaY < 0 ? scale * STEP : scale / STEP)
        }}
        sx={{
          position: 'relative',
          height: VIEW_HEIGHT,
          overflow: 'hidden',
          bgcolor: 'action.hover',
          border: 1,
          borderColor: 'divider',
          borderRadius: 1,
          cursor: zoom === 'fit' ? 'default' : 'grab',
          touchAction: 'none',
        }}
      >
        <Box
          style={{
            transform: `translate(-50%, -50%) translate(${pan.x}px, ${pan.y}px) rotate(${rotation}deg) scale(${scale})`,
          }}
          sx={{
            position: 'absolute',
            left: '50%',
            top: '50%',
            lineHeight: 0,
            visibility: natural ? 'visible' : 'hidden',
          }}
        >
          <Box
            component="img"
            src={url}
            alt={alt}
            draggable={false}
            onLoad={(event) =>
              setNatural({
                width: event.currentTarget.naturalWidth,
                height: event.currentTarget.naturalHeight,
              })
            }
            onError={onBroken}
            sx={{
              display: 'block',
              maxWidth: 'none',
              // Zoomed in, each pixel is drawn as a sharp square so it can be examined.
              imageRendering: scale > 1 ? 'pixelated' : 'auto',
            }}
          />
          {annotations && natural && (
            <AnnotationLayer
              evidenceId={annotations.evidenceId}
              page={null}
              marks={annotations.marks}
              width={natural.width}
              height={natural.height}
              toFraction={(clientX, clientY) => {
                const box = view.current!.getBoundingClientRect()
                return screenToFraction(clientX, clientY, {
                  centerX: box.left + box.width / 2 + pan.x,
                  centerY: box.top + box.height / 2 + pan.y,
                  scale,
                  rotation,
                  ...natural,
                })
              }}
            />
          )}
        </Box>
      </Box>
    </Stack>
  )
}
