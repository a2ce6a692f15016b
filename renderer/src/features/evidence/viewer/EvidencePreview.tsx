import { renderAnnotatedImage } from '@media/render-annotated-image'
import { Box, Stack, Typography } from '@mui/material'
import { readEvidenceFile } from '@services/evidence-files/read-evidence-file'
import { thisWorkstation } from '@services/this-workstation'
import { formatBytes } from '@shared/byte-size'
import { type Evidence, type EvidenceAnnotation, isPageMark, type TimestampedNote } from '@shared/domain'
import { type ChatLine, parseTranscript } from '@shared/formats/evidence/chat-transcript'
import { isViewableImage } from '@shared/formats/evidence/content-type'
import { type HexLine, hexDump } from '@shared/formats/evidence/hex-dump'
import { showUntrusted } from '@shared/untrusted-text'
import { useAnalyst } from '@workspace/useAnalyst'
import { useEffect, useState } from 'react'
import { AnnotationList } from '../annotate/AnnotationList'
import { AnnotationToolbar } from '../annotate/AnnotationToolbar'
import { saveAnnotatedCopy } from '../annotate/save-annotated-copy'
import { useAnnotations } from '../annotate/useAnnotations'
import { EmailViewer } from './EmailViewer'
import { ImageCondition } from './ImageCondition'
import { ImageMetadata } from './ImageMetadata'
import { ImageViewer } from './ImageViewer'
import { MediaPlayer } from './MediaPlayer'
import { PdfViewer } from './PdfViewer'
import { TranscriptViewer } from './TranscriptViewer'
import { useFirstViewImageCheck } from './useFirstViewImageCheck'

/** How much of a file without a viewer the hex view shows. */
const HEX_VIEW_BYTES = 512

/** How much of a text file is read for its preview; a bigger one shows its start and says so. */
const MAX_TEXT_BYTES = 2 * 1024 * 1024

/**
 * A photo with its marks and the marking tools, under what the image check found (an incomplete or
 * damaged file says so above the picture); a clear message instead when its bytes cannot be drawn.
 */
function EvidenceImage({
  item,
  url,
  blob,
  annotations,
}: {
  item: Evidence
  url: string
  blob: Blob
  annotations: EvidenceAnnotation[]
}) {
  const analyst = useAnalyst()
  const [broken, setBroken] = useState(false)
  useFirstViewImageCheck(item, blob)
  if (broken) return <ImageCondition item={item} undrawable />
  return (
    <Stack spacing={1}>
      <ImageCondition item={item} undrawable={false} />
      {analyst && !item.removed && (
        <AnnotationToolbar
          saveLabel="Save annotated copy…"
          onSaveCopy={() =>
            void saveAnnotatedCopy(
              item,
              analyst,
              (marks) => renderAnnotatedImage(blob, marks, item.damage),
              null,
            )
          }
        />
      )}
      <ImageViewer
        url={url}
        alt={item.description || showUntrusted(item.originalName)}
        onBroken={() => setBroken(true)}
        annotations={{ evidenceId: item.id, marks: annotations.filter(isPageMark) }}
      />
      <AnnotationList annotations={annotations} />
      <ImageMetadata item={item} blob={blob} />
    </Stack>
  )
}

type Preview =
  | { kind: 'image'; url: string; blob: Blob }
  | { kind: 'email'; blob: Blob }
  | { kind: 'pdf'; blob: Blob }
  | { kind: 'media'; url: string; element: 'audio' | 'video' }
  | { kind: 'chat'; lines: ChatLine[]; note?: string }
  | { kind: 'text'; text: string; note?: string }
  | { kind: 'bytes'; lines: HexLine[]; note: string }
  | { kind: 'none'; note: string }

async function previewOf(item: Pick<Evidence, 'detectedType'>, blob: Blob | undefined): Promise<Preview> {
  if (!blob) return { kind: 'none', note: 'The file for this item is not on this computer.' }
  if (blob.size === 0) return { kind: 'none', note: 'This file is empty (0 bytes).' }
  if (item.detectedType === 'message/rfc822') return { kind: 'email', blob }
  if (item.detectedType === 'application/pdf') return { kind: 'pdf', blob }
  // Call recordings and dash-cam clips play in Chromium's own players (formats it cannot play say so).
  if (item.detectedType.startsWith('audio/') || item.detectedType.startsWith('video/'))
    return {
      kind: 'media',
      url: URL.createObjectURL(blob),
      element: item.detectedType.startsWith('audio/') ? 'audio' : 'video',
    }
  if (isViewableImage(item.detectedType)) {
    return { kind: 'image', url: URL.createObjectURL(blob), blob }
  }
  // SVG and HTML are shown as their text: nothing in them is ever rendered or run.
  const textual =
    item.detectedType.startsWith('text/') ||
    item.detectedType === 'application/json' ||
    item.detectedType === 'image/svg+xml'
  if (!textual)
    return {
      kind: 'bytes',
      lines: hexDump(new Uint8Array(await blob.slice(0, HEX_VIEW_BYTES).arrayBuffer())),
      note: `No viewer for ${item.detectedType}: the first ${Math.min(blob.size, HEX_VIEW_BYTES)} bytes are shown. "Save a copy…" opens it elsewhere.`,
    }
  // A huge export (a million-row chat) is shown from its start, cut at the last whole line.
  const partial = blob.size > MAX_TEXT_BYTES
  let text = await blob.slice(0, MAX_TEXT_BYTES).text()
  if (partial) text = text.slice(0, text.lastIndexOf('\n') + 1)
  const shownPart = partial
    ? `This file is ${formatBytes(blob.size)}: only its first ${formatBytes(MAX_TEXT_BYTES)} are shown here. "Save a copy…" opens the whole file elsewhere.`
    : undefined
  const parsed = parseTranscript(item.detectedType, text)
  if (parsed?.ok) return { kind: 'chat', lines: parsed.lines, note: shownPart }
  const notes = [shownPart, parsed && !parsed.ok ? parsed.error : undefined].filter(Boolean)
  return { kind: 'text', text, note: notes.length ? notes.join(' ') : undefined }
}

export function EvidencePreview({ item }: { item: Evidence }) {
  const [preview, setPreview] = useState<Preview | null>(null)
  const annotations = useAnnotations(item.id)
  const notes = annotations.filter((annotation): annotation is TimestampedNote => annotation.kind === 'note')
  // Built from the bytes and their type only: a change to the item's other fields (details, a
  // recorded image check) must not reload the picture and lose the analyst's zoom and pan.
  const { sha256, detectedType } = item
  useEffect(() => {
    let current: Preview | null = null
    let cancelled = false
    readEvidenceFile(thisWorkstation, sha256)
      .then(
        (blob) => previewOf({ detectedType }, blob),
        (error: Error): Preview => ({
          kind: 'none',
          note: `The file for this item is not on this computer yet and could not be fetched from the team server: ${error.message}`,
        }),
      )
      .then((next) => {
        current = next
        if (cancelled && (next.kind === 'image' || next.kind === 'media')) URL.revokeObjectURL(next.url)
        else setPreview(next)
      })
    return () => {
      cancelled = true
      if (current?.kind === 'image' || current?.kind === 'media') URL.revokeObjectURL(current.url)
      setPreview(null)
    }
  }, [sha256, detectedType])

  if (!preview) return null
  switch (preview.kind) {
    case 'image':
      return <EvidenceImage item={item} url={preview.url} blob={preview.blob} annotations={annotations} />
    case 'email':
      return <EmailViewer blob={preview.blob} />
    case 'pdf':
      return (
        <Stack spacing={1}>
          <PdfViewer
            blob={preview.blob}
            annotations={item.removed ? undefined : { item, marks: annotations.filter(isPageMark) }}
          />
          <AnnotationList annotations={annotations} />
        </Stack>
      )
    case 'media':
      return <MediaPlayer item={item} url={preview.url} element={preview.element} notes={notes} />
    case 'chat':
      return (
        <Stack spacing={1}>
          {preview.note && (
            <Typography variant="caption" color="text.secondary">
              {preview.note}
            </Typography>
          )}
          <TranscriptViewer item={item} lines={preview.lines} notes={notes} />
        </Stack>
      )
    case 'text':
      return (
        <Box>
          {preview.note && (
            <Typography variant="caption" color="text.secondary">
              {preview.note}
            </Typography>
          )}
          <Box component="pre" sx={{ whiteSpace: 'pre-wrap', fontSize: 12, m: 0 }}>
            {preview.text}
          </Box>
        </Box>
      )
    case 'bytes':
      return (
        <Box>
          <Typography variant="caption" color="text.secondary">
            {preview.note}
          </Typography>
          <Box
            component="pre"
            aria-label="Hex view"
            sx={{ fontFamily: 'monospace', fontSize: 12, m: 0, overflowX: 'auto' }}
          >
            {preview.lines.map((line) => `${line.offset}  ${line.hex.padEnd(47)}  ${line.ascii}`).join('\n')}
          </Box>
        </Box>
      )
    case 'none':
      return (
        <Typography color="text.secondary" variant="body2">
          {preview.note}
        </Typography>
      )
  }
}
