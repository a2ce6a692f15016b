import { repositories } from '@db/instance'
import {
  Box,
  Button,
  List,
  ListItemButton,
  ListItemText,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material'
import { type Actor, PARTY_ROLE_LABELS, PARTY_ROLES } from '@shared/domain'
import {
  DEFAULT_EMAIL_TEMPLATES,
  type EmailTemplate,
  EmailTemplateSchema,
} from '@shared/rules/communications/email-templates'
import { EMAIL_PLACEHOLDERS } from '@shared/rules/communications/placeholders'
import { SETTINGS } from '@shared/rules/settings/registry'
import { describeIssues } from '@shared/validation'
import { attempt, notify } from '@ui/notices'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'

const AUDIENCES = ['any', ...PARTY_ROLES] as const

function TemplateEditor({
  template,
  onSave,
  onDelete,
}: {
  template: EmailTemplate
  onSave(template: EmailTemplate): void
  onDelete(): void
}) {
  const [draft, setDraft] = useState(template)
  const set = (field: keyof EmailTemplate) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [field]: event.target.value }))
  return (
    <Stack
      spacing={2}
      component="form"
      aria-label="Template"
      onSubmit={(event) => {
        event.preventDefault()
        const parsed = EmailTemplateSchema.safeParse(draft)
        if (!parsed.success) notify('error', `The template was not saved: ${describeIssues(parsed.error)}`)
        else onSave(parsed.data)
      }}
    >
      <Stack direction="row" spacing={2}>
        <TextField label="Template name" value={draft.name} onChange={set('name')} sx={{ flex: 2 }} />
        <TextField
          select
          label="Written for"
          value={draft.audience}
          onChange={set('audience')}
          sx={{ flex: 1 }}
        >
          {AUDIENCES.map((audience) => (
            <MenuItem key={audience} value={audience}>
              {audience === 'any' ? 'Anyone' : PARTY_ROLE_LABELS[audience]}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <TextField label="Template subject" value={draft.subject} onChange={set('subject')} />
      <TextField label="Template text" value={draft.body} onChange={set('body')} multiline minRows={8} />
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
        <Button color="error" onClick={onDelete}>
          Delete template
        </Button>
        <Button type="submit" variant="contained">
          Save template
        </Button>
      </Stack>
    </Stack>
  )
}

/** The email templates the composer offers: edit, add, delete, or go back to the shipped set. */
export function EmailTemplatesSection({ analyst }: { analyst: Actor }) {
  const templates = useLiveQuery(() => repositories.settings.read(SETTINGS.emailTemplates), [])
  const [selectedId, setSelectedId] = useState<string | null>(null)
  // Bumped when templates are replaced wholesale (restore), so an open editor shows the new text.
  const [revision, setRevision] = useState(0)
  if (!templates) return null
  const selected = templates.find((template) => template.id === selectedId) ?? templates[0]
  const store = (next: EmailTemplate[], message: string) =>
    attempt(() => repositories.settings.save(SETTINGS.emailTemplates, next, analyst), message)

  const addTemplate = async () => {
    const template: EmailTemplate = {
      id: `custom-${crypto.randomUUID()}`,
      name: 'New template',
      audience: 'any',
      subject: 'Case {{case.number}}',
      body: 'Hi {{party.firstName}},\n\n\n\n{{analyst.name}}\nTrust & Safety',
    }
    await store([...templates, template], 'Template added.')
    setSelectedId(template.id)
  }

  return (
    <Stack spacing={1}>
      <Typography variant="body2" color="text.secondary">
        Placeholders:{' '}
        {Object.keys(EMAIL_PLACEHOLDERS)
          .map((name) => `{{${name}}}`)
          .join(' ')}
      </Typography>
      <Stack direction="row" spacing={2}>
        <Box sx={{ width: 260, flexShrink: 0 }}>
          <List dense disablePadding aria-label="Email templates">
            {templates.map((template) => (
              <ListItemButton
                key={template.id}
                selected={template.id === selected?.id}
                onClick={() => setSelectedId(template.id)}
              >
                <ListItemText primary={template.name} />
              </ListItemButton>
            ))}
          </List>
          <Stack spacing={1} sx={{ mt: 1 }}>
            <Button variant="outlined" size="small" onClick={addTemplate}>
              New template
            </Button>
            <Button
              size="small"
              onClick={async () => {
                await store(DEFAULT_EMAIL_TEMPLATES, 'The shipped templates are back.')
                setRevision((current) => current + 1)
              }}
            >
              Restore shipped templates
            </Button>
          </Stack>
        </Box>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          {selected ? (
            <TemplateEditor
              // Not keyed by content: saving must not remount the form and drop the focus.
              key={`${selected.id}:${revision}`}
              template={selected}
              onSave={(saved) =>
                store(
                  templates.map((template) => (template.id === saved.id ? saved : template)),
                  `Template "${saved.name}" saved.`,
                )
              }
              onDelete={() =>
                store(
                  templates.filter((template) => template.id !== selected.id),
                  `Template "${selected.name}" deleted.`,
                )
              }
            />
          ) : (
            <Typography color="text.secondary">No templates. Add one or restore the shipped set.</Typography>
          )}
        </Box>
      </Stack>
    </Stack>
  )
}
