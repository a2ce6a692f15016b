import { renderAnnotatedPdfPage } from '@media/annotated-rendering'
import { openPdf } from '@media/pdf-document'
import NavigateBeforeIcon from '@mui/icons-material/NavigateBefore'
import NavigateNextIcon from '@mui/icons-material/NavigateNext'
import ZoomInIcon from '@mui/icons-material/ZoomIn'
import ZoomOutIcon from '@mui/icons-material/ZoomOut'
import { Alert, Box, IconButton, Stack, TextField, Typography } from '@mui/material'
import type { Evidence, PageMark } from '@shared/domain'
import { useAnalyst } from '@workspace/useAnalyst'
import type { PDFDocumentProxy } from 'pdfjs-dist'
import { useEffect, useRef, useState } from 'react'
import { AnnotationLayer } from '../annotate/AnnotationLayer'
import { AnnotationToolbar } from '../annotate/AnnotationToolbar'
import { saveAnnotatedCopy } from '../annotate/save-annotated-copy'

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4]

/**
 * A PDF as evidence, with pdf.js: one page at a time on a canvas, page by page, zoomed, and searched
 * for text (the pages that contain it are listed; the first is shown). Given `annotations`, each
 * page's marks lie over it and the marking tools draw new ones.
 */
export function PdfViewer({
  blob,
  annotations,
}: {
  blob: Blob
  annotations?: { item: Evidence; marks: PageMark[] }
}) {
  const analyst = useAnalyst()
  const canvas = useRef<HTMLCanvasElement>(null)
  const [pageSize, setPageSize] = useState<{ width: number; height: number } | null>(null)
  const [pdf, setPdf] = useState<PDFDocumentProxy | null | undefined>(undefined)
  const [page, setPage] = useState(1)
  const [zoom, setZoom] = useState(2)
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<number[] | null>(null)

  useEffect(() => {
    let current = true
    let loaded: PDFDocumentProxy | null = null
    void openPdf(blob).then(
      (document) => {
        loaded = document
        if (current) setPdf(document)
      },
      () => current && setPdf(null),
    )
    return () => {
      current = false
      void loaded?.destroy()
    }
  }, [blob])

  useEffect(() => {
    if (!pdf || !canvas.current) return
    let task: { cancel(): void; promise: Promise<void> } | null = null
    let cancelled = false
    void pdf.getPage(page).then((pdfPage) => {
      if (cancelled || !canvas.current) return
      const points = pdfPage.getViewport({ scale: 1 })
      setPageSize({ width: points.width, height: points.height })
      const viewport = pdfPage.getViewport({ scale: ZOOMS[zoom]! * (window.devicePixelRatio || 1) })
      canvas.current.width = viewport.width
      canvas.current.height = viewport.height
      canvas.current.style.width = `${viewport.width / (window.devicePixelRatio || 1)}px`
      task = pdfPage.render({ canvas: canvas.current, viewport })
      task.promise.catch(() => undefined)
    })
    return () => {
      cancelled = true
      task?.cancel()
    }
  }, [pdf, page, zoom])

  if (pdf === undefined) return null
  if (pdf === null)
    return <Alert severity="warning">This PDF cannot be opened: it is damaged, truncated or encrypted.</Alert>

  const search = async () => {
    const wanted = query.trim().toLowerCase()
    if (!wanted) return setFound(null)
    const pages: number[] = []
    for (let number = 1; number <= pdf.numPages; number++) {
      const content = await (await pdf.getPage(number)).getTextContent()
      const text = content.items.map((part) => ('str' in part ? part.str : '')).join(' ')
      if (text.toLowerCase().includes(wanted)) pages.push(number)
    }
    setFound(pages)
    if (pages[0]) setPage(pages[0])
  }

  return (
    <Stack spacing={0.5} component="section" aria-label="PDF">
      <Stack direction="row" spacing={0.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <IconButton
          size="small"
          aria-label="Previous page"
          disabled={page <= 1}
          onClick={() => setPage(page - 1)}
        >
          <NavigateBeforeIcon fontSize="small" />
        </IconButton>
        <Typography variant="caption" data-testid="pdf-page">
          Page {page} of {pdf.numPages}
        </Typography>
        <IconButton
          size="small"
          aria-label="Next page"
          disabled={page >= pdf.numPages}
          onClick={() => setPage(page + 1)}
        >
          <NavigateNextIcon fontSize="small" />
        </IconButton>
        <IconButton
          size="small"
          aria-label="Zoom out"
          disabled={zoom === 0}
          onClick={() => setZoom(zoom - 1)}
        >
          <ZoomOutIcon fontSize="small" />
        </IconButton>
        <Typography variant="caption">{Math.round(ZOOMS[zoom]! * 100)}%</Typography>
        <IconButton
          size="small"
          aria-label="Zoom in"
          disabled={zoom === ZOOMS.length - 1}
          onClick={() => setZoom(zoom + 1)}
        >
          <ZoomInIcon fontSize="small" />
        </IconButton>
        <TextField
          size="small"
          label="Find in PDF"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') void search()
          }}
          sx={{ width: 160 }}
        />
      </Stack>
      {annotations && (
        <AnnotationToolbar
          saveLabel="Save annotated page…"
          onSaveCopy={() =>
            analyst &&
            void saveAnnotatedCopy(
              annotations.item,
              analyst,
              (marks) => renderAnnotatedPdfPage(pdf, page, marks),
              page,
            )
          }
        />
      )}
      {found && (
        <Typography variant="caption" data-testid="pdf-found">
          {found.length === 0
            ? `“${query.trim()}” is not in this PDF.`
            : `Found on page${found.length === 1 ? '' : 's'} ${found.join(', ')}`}
        </Typography>
      )}
      <Box sx={{ overflow: 'auto', maxHeight: 520, border: 1, borderColor: 'divider', borderRadius: 1 }}>
        <Box sx={{ position: 'relative', display: 'inline-block', lineHeight: 0 }}>
          <canvas ref={canvas} aria-label={`Page ${page}`} />
          {annotations && pageSize && (
            <AnnotationLayer
              evidenceId={annotations.item.id}
              page={page}
              marks={annotations.marks.filter((mark) => mark.page === page)}
              width={pageSize.width}
              height={pageSize.height}
            />
          )}
        </Box>
      </Box>
    </Stack>
  )
}
