import { repositories } from '@db/instance'
import { Alert, Box, Button, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material'
import { platform } from '@platform'
import type { Case, Party } from '@shared/domain'
import type { EmailTemplate } from '@shared/rules/communications/email-templates'
import { fillPlaceholders, placeholderValues } from '@shared/rules/communications/placeholders'
import { SETTINGS } from '@shared/rules/settings/registry'
import { attempt, notify } from '@ui/notices'
import { PanelDialog } from '@ui/PanelDialog'
import { useAnalyst } from '@workspace/useAnalyst'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { PartyPicker } from './PartyPicker'

/** Templates written for the recipient's role first, then the general ones, then the rest. */
function templatesFor(templates: EmailTemplate[], party: Party | undefined): EmailTemplate[] {
  const rank = (template: EmailTemplate) =>
    template.audience === party?.role ? 0 : template.audience === 'any' ? 1 : 2
  return [...templates].sort((a, b) => rank(a) - rank(b))
}

/** "[Describe the outcome here.]": instructions in a template that the analyst must replace. */
const INSTRUCTION = /\[[A-Z][^\]\n]{3,}\]/g

/**
 * Writes an email to a party from a template: the placeholders fill from the case as you type, and
 * anything still unfilled is flagged before it can go to the mail client or the clipboard. Sending
 * either way logs the message on the case.
 */
export function EmailComposerDialog({
  record,
  parties,
  onClose,
}: {
  record: Case
  parties: Party[]
  onClose(): void
}) {
  const analyst = useAnalyst()
  const templates = useLiveQuery(() => repositories.settings.read(SETTINGS.emailTemplates), [])
  const [partyId, setPartyId] = useState(
    parties.find((party) => party.contact.email)?.id ?? parties[0]?.id ?? '',
  )
  const [templateId, setTemplateId] = useState<string | null>(null)
  const [subject, setSubject] = useState('')
  const [body, setBody] = useState('')
  if (!templates || !analyst) return null

  const party = parties.find((candidate) => candidate.id === partyId)
  const offered = templatesFor(templates, party)
  const values = placeholderValues(record, party ?? null, analyst)
  const filledSubject = fillPlaceholders(subject, values)
  const filledBody = fillPlaceholders(body, values)
  const unresolved = [...new Set([...filledSubject.unresolved, ...filledBody.unresolved])]
  const instructions = [...new Set(filledBody.text.match(INSTRUCTION) ?? [])]
  const to = party?.contact.email ?? ''
  const problems = [
    ...(party ? [] : ['Choose who the email is to.']),
    ...(party && !to ? [`${party.name} has no email address on the case (add it under Parties).`] : []),
    ...(subject.trim() === '' ? ['The email has no subject.'] : []),
    ...(body.trim() === '' ? ['The email has no text.'] : []),
    ...(unresolved.length
      ? [`Not filled in: ${unresolved.map((name) => `{{${name}}}`).join(', ')}. Edit the text or the case.`]
      : []),
    ...(instructions.length ? [`Replace the template's instructions: ${instructions.join(' ')}`] : []),
  ]

  const applyTemplate = (id: string) => {
    const template = templates.find((candidate) => candidate.id === id)
    if (!template) return
    setTemplateId(template.id)
    setSubject(template.subject)
    setBody(template.body)
  }

  const logSent = (how: string) =>
    attempt(
      () =>
        repositories.communications.log(
          {
            caseId: record.id,
            partyId: party?.id ?? null,
            channel: 'email',
            direction: 'outbound',
            occurredAt: new Date().toISOString(),
            durationSeconds: null,
            outcome: null,
            subject: filledSubject.text,
            body: filledBody.text,
            templateId,
          },
          party?.name ?? null,
          analyst,
        ),
      `Email to ${party?.name} logged on the case (${how}).`,
    )

  const openInMailClient = async () => {
    const opened = await attempt(() =>
      platform.composeMail({ to, subject: filledSubject.text, body: filledBody.text }),
    )
    if (opened && (await logSent('opened in your mail client'))) onClose()
  }
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(`To: ${to}\nSubject: ${filledSubject.text}\n\n${filledBody.text}`)
    } catch {
      notify('error', 'The clipboard is not available; select the preview text and copy it instead.')
      return
    }
    if (await logSent('copied')) onClose()
  }

  return (
    <PanelDialog
      title="Compose email"
      width="lg"
      closeLabel="Cancel"
      onClose={onClose}
      actions={
        <>
          <Button onClick={copy} disabled={problems.length > 0}>
            Copy and log
          </Button>
          <Button variant="contained" onClick={openInMailClient} disabled={problems.length > 0}>
            Open in mail client
          </Button>
        </>
      }
    >
      <Stack direction="row" spacing={2} sx={{ pt: 1 }}>
        <Stack spacing={2} sx={{ flex: 1, minWidth: 0 }}>
          <Stack direction="row" spacing={2}>
            <Box sx={{ flex: 1, display: 'grid' }}>
              <PartyPicker
                label="To"
                parties={parties}
                value={partyId}
                onChange={setPartyId}
                helperText={to || 'No email address'}
                error={Boolean(party) && !to}
              />
            </Box>
            <TextField
              select
              label="Template"
              value={templateId ?? ''}
              onChange={(event) => applyTemplate(event.target.value)}
              sx={{ flex: 1 }}
            >
              {offered.map((template) => (
                <MenuItem key={template.id} value={template.id}>
                  {template.name}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
          <TextField label="Subject" value={subject} onChange={(event) => setSubject(event.target.value)} />
          <TextField
            label="Message"
            multiline
            minRows={12}
            value={body}
            onChange={(event) => setBody(event.target.value)}
            helperText="Placeholders such as {{party.firstName}} fill in from the case"
          />
        </Stack>
        <Paper
          variant="outlined"
          sx={{ flex: 1, minWidth: 0, p: 2 }}
          aria-label="Email preview"
          component="section"
        >
          <Typography variant="overline" color="text.secondary">
            Preview
          </Typography>
          <Typography variant="body2" color="text.secondary">
            To: {party ? `${party.name} <${to || 'no email'}>` : '—'}
          </Typography>
          <Typography variant="h3" sx={{ my: 1 }} data-testid="preview-subject">
            {filledSubject.text || 'No subject'}
          </Typography>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }} data-testid="preview-body">
            {filledBody.text}
          </Typography>
        </Paper>
      </Stack>
      {problems.length > 0 && (subject || body) && (
        <Alert severity="warning" sx={{ mt: 2 }} aria-label="Before sending">
          {problems.map((problem) => (
            <div key={problem}>{problem}</div>
          ))}
        </Alert>
      )}
    </PanelDialog>
  )
}
