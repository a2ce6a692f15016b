import { formatAddresses, type ParsedEmail, parseEmail, sanitizeEmailHtml } from '@media/email'
import { Alert, Box, Stack, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material'
import { formatBytes } from '@shared/byte-size'
import { showUntrusted } from '@shared/untrusted-text'
import { Facts } from '@ui/Facts'
import { formatWrittenDateTime } from '@ui/format/time'
import { useEffect, useState } from 'react'

const sizeOf = (content: ArrayBuffer | Uint8Array | string) =>
  typeof content === 'string' ? content.length : content.byteLength

/** An email as evidence: its headers, its text or its HTML (sanitized, nothing remote), its attachments. */
export function EmailViewer({ blob }: { blob: Blob }) {
  const [email, setEmail] = useState<ParsedEmail | null | undefined>(undefined)
  const [body, setBody] = useState<'text' | 'html'>('text')
  useEffect(() => {
    let current = true
    parseEmail(blob).then(
      (parsed) => current && setEmail(parsed),
      () => current && setEmail(null),
    )
    return () => {
      current = false
    }
  }, [blob])
  if (email === undefined) return null
  if (email === null) return <Alert severity="warning">This file could not be read as an email.</Alert>
  const hasHtml = Boolean(email.html)
  const shown = body === 'html' && hasHtml ? 'html' : 'text'
  return (
    <Stack spacing={1} component="section" aria-label="Email">
      <Facts
        facts={[
          ['From', formatAddresses(email.from)],
          ['To', formatAddresses(email.to)],
          ['Cc', formatAddresses(email.cc)],
          ['Date', formatWrittenDateTime(email.date)],
          ['Subject', showUntrusted(email.subject ?? '')],
        ]}
      />
      {hasHtml && (
        <ToggleButtonGroup size="small" exclusive value={shown} onChange={(_, next) => next && setBody(next)}>
          <ToggleButton value="text">Text</ToggleButton>
          <ToggleButton value="html">HTML (safe view)</ToggleButton>
        </ToggleButtonGroup>
      )}
      {shown === 'html' ? (
        <Box
          data-testid="email-html"
          sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1, overflowWrap: 'anywhere' }}
          // Sanitized by DOMPurify with every remote load and navigation removed (see email.ts).
          // biome-ignore lint/security/noDangerouslySetInnerHtml: the HTML is sanitized just above
          dangerouslySetInnerHTML={{ __html: sanitizeEmailHtml(email.html!) }}
        />
      ) : (
        <Box component="pre" data-testid="email-text" sx={{ whiteSpace: 'pre-wrap', fontSize: 13, m: 0 }}>
          {email.text ?? '(no text body)'}
        </Box>
      )}
      {email.attachments.length > 0 && (
        <Typography variant="body2" color="text.secondary">
          Attachments (imported as their own exhibits):{' '}
          {email.attachments
            .map(
              (attachment) =>
                `${showUntrusted(attachment.filename ?? 'attachment')} (${formatBytes(sizeOf(attachment.content))})`,
            )
            .join(', ')}
        </Typography>
      )}
    </Stack>
  )
}
