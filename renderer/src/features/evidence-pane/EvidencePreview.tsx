import { Alert, Box, Paper, Stack, Typography } from '@mui/material'
import { useEffect, useState } from 'react'
import type { Evidence } from '../../../../shared/domain'
import { type ChatLine, parseChatCsv, parseChatJson } from '../../../../shared/evidence/chat-transcript'
import { isViewableImage } from '../../../../shared/evidence/content-type'
import { type HexLine, hexDump } from '../../../../shared/evidence/hex-dump'
import { toSafeFileName } from '../../../../shared/file-names'
import { repositories } from '../../db/instance'
import { formatDateTime } from '../../format/time'
import { EmailViewer } from './EmailViewer'
import { ImageMetadata } from './ImageMetadata'
import { ImageViewer } from './ImageViewer'
import { PdfViewer } from './PdfViewer'

/** How much of a file without a viewer the hex view shows. */
const HEX_VIEW_BYTES = 512

/** Largest text shown inline; bigger transcripts wait for the full evidence viewer. */
const MAX_TEXT_BYTES = 2 * 1024 * 1024

function Conversation({ lines }: { lines: ChatLine[] }) {
  return (
    <Stack spacing={1} aria-label="Conversation">
      {lines.map((line, index) => {
        const shopper = /shopper/i.test(line.sender)
        return (
          <Paper
            // biome-ignore lint/suspicious/noArrayIndexKey: transcript lines have no id and never reorder
            key={index}
            variant="outlined"
            sx={{
              p: 1,
              maxWidth: '85%',
              alignSelf: shopper ? 'flex-end' : 'flex-start',
              bgcolor: shopper ? 'action.hover' : undefined,
            }}
          >
            <Typography variant="caption" color="text.secondary">
              {line.sender}
              {line.at ? ` · ${formatDateTime(line.at)}` : ''}
            </Typography>
            {/* Rendered as text, never as HTML. */}
            <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {line.message}
            </Typography>
          </Paper>
        )
      })}
    </Stack>
  )
}

/** A photo, or a clear message when its bytes do not decode (a truncated or damaged file). */
function EvidenceImage({ item, url, blob }: { item: Evidence; url: string; blob: Blob }) {
  const [broken, setBroken] = useState(false)
  if (broken)
    return (
      <Alert severity="warning">
        This image cannot be shown: its bytes do not decode as {item.detectedType}, so the file is probably
        truncated or damaged. Its SHA-256 and custody record are unaffected, and "Save a copy…" exports it as
        it is.
      </Alert>
    )
  return (
    <Stack spacing={1}>
      <ImageViewer
        url={url}
        alt={item.description || toSafeFileName(item.originalName)}
        onBroken={() => setBroken(true)}
      />
      <ImageMetadata item={item} blob={blob} />
    </Stack>
  )
}

type Preview =
  | { kind: 'image'; url: string; blob: Blob }
  | { kind: 'email'; blob: Blob }
  | { kind: 'pdf'; blob: Blob }
  | { kind: 'media'; url: string; element: 'audio' | 'video' }
  | { kind: 'chat'; lines: ChatLine[] }
  | { kind: 'text'; text: string; note?: string }
  | { kind: 'bytes'; lines: HexLine[]; note: string }
  | { kind: 'none'; note: string }

async function previewOf(item: Evidence, blob: Blob | undefined): Promise<Preview> {
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
  if (blob.size > MAX_TEXT_BYTES) return { kind: 'none', note: 'This file is too large to preview here.' }
  const text = await blob.text()
  const parsed =
    item.detectedType === 'text/csv'
      ? parseChatCsv(text)
      : item.detectedType === 'application/json'
        ? parseChatJson(text)
        : null
  if (parsed?.ok) return { kind: 'chat', lines: parsed.lines }
  return { kind: 'text', text, note: parsed && !parsed.ok ? parsed.error : undefined }
}

export function EvidencePreview({ item }: { item: Evidence }) {
  const [preview, setPreview] = useState<Preview | null>(null)
  useEffect(() => {
    let current: Preview | null = null
    let cancelled = false
    repositories.evidence
      .getBlob(item.sha256)
      .then((blob) => previewOf(item, blob))
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
  }, [item])

  if (!preview) return null
  switch (preview.kind) {
    case 'image':
      return <EvidenceImage item={item} url={preview.url} blob={preview.blob} />
    case 'email':
      return <EmailViewer blob={preview.blob} />
    case 'pdf':
      return <PdfViewer blob={preview.blob} />
    case 'media':
      return (
        <Box
          component={preview.element}
          src={preview.url}
          controls
          preload="metadata"
          aria-label={`${preview.element === 'audio' ? 'Recording' : 'Video'} player`}
          sx={{ width: '100%' }}
        />
      )
    case 'chat':
      return <Conversation lines={preview.lines} />
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
