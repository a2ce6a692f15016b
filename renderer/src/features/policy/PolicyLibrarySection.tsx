import { repositories } from '@db/instance'
import {
  Alert,
  Box,
  Button,
  Chip,
  List,
  ListItemButton,
  ListItemText,
  Stack,
  TextField,
  Typography,
} from '@mui/material'
import { platform } from '@platform'
import { type Actor, OUTCOME_KIND_LABELS } from '@shared/domain'
import type { PolicyDocument } from '@shared/rules/policy/policy-document'
import { policyFromMarkdown, policyToMarkdown } from '@shared/rules/policy/policy-markdown'
import { searchClauses } from '@shared/rules/policy/policy-search'
import { attempt, notify } from '@ui/notices'
import { useMemo, useState } from 'react'
import { usePolicyLibrary } from './usePolicyLibrary'

const MARKDOWN = [{ name: 'Policy (Markdown)', extensions: ['md'] }]

/** Settings → Policy library: the policies in force, clause search, Markdown import and export. */
export function PolicyLibrarySection({ analyst }: { analyst: Actor }) {
  const library = usePolicyLibrary()
  const [query, setQuery] = useState('')
  const [openClause, setOpenClause] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const matches = useMemo(
    () => (library && query.trim() ? searchClauses(library, query) : []),
    [library, query],
  )
  if (!library) return null

  const importPolicies = async () => {
    setProblem(null)
    for (const file of await platform.openFiles({
      title: 'Import policy',
      filters: MARKDOWN,
      multiple: true,
    })) {
      try {
        const policy = policyFromMarkdown(new TextDecoder().decode(file.bytes))
        await repositories.settings.savePolicy(policy, analyst)
        notify(
          'success',
          `Imported ${policy.title} (version ${policy.version}, ${policy.clauses.length} clauses).`,
        )
      } catch (error) {
        setProblem(`${file.name} was not imported: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
  }
  const exportPolicy = (policy: PolicyDocument) =>
    attempt(async () => {
      const result = await platform.saveFile({
        title: 'Export policy',
        suggestedName: `${policy.id}.md`,
        mimeType: 'text/markdown',
        filters: MARKDOWN,
        bytes: new TextEncoder().encode(policyToMarkdown(policy)),
      })
      if (result.saved) notify('success', `Exported ${policy.title}.`)
    })

  return (
    <Stack spacing={1.5}>
      {library.some((policy) => policy.example) && (
        <Alert severity="info">
          Policies marked "example" are a starting point written for this workstation, not your marketplace's
          policy: export one, edit it, and import it back.
        </Alert>
      )}
      <List dense aria-label="Policies" disablePadding>
        {library.map((policy) => (
          <Stack key={policy.id} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <ListItemText
              primary={policy.title}
              secondary={`Version ${policy.version}, in force from ${policy.effectiveFrom} · ${policy.clauses.length} clauses`}
            />
            {policy.example && <Chip size="small" label="example" />}
            <Button
              size="small"
              onClick={() => void exportPolicy(policy)}
              aria-label={`Export ${policy.title}`}
            >
              Export
            </Button>
          </Stack>
        ))}
      </List>
      <Stack direction="row">
        <Button variant="outlined" onClick={() => void importPolicies()}>
          Import policy…
        </Button>
      </Stack>
      {problem && <Alert severity="error">{problem}</Alert>}
      <TextField
        size="small"
        label="Search clauses"
        placeholder="A clause id (CC-2) or words"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {query.trim() && matches.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          No clause holds every word.
        </Typography>
      )}
      {matches.length > 0 && (
        <List dense aria-label="Matching clauses">
          {matches.map(({ clause, policy }) => (
            <Box key={clause.id}>
              <ListItemButton
                selected={openClause === clause.id}
                onClick={() => setOpenClause(openClause === clause.id ? null : clause.id)}
              >
                <ListItemText primary={`${clause.id} ${clause.title}`} secondary={policy.title} />
              </ListItemButton>
              {openClause === clause.id && (
                <Box sx={{ px: 2, pb: 1 }} aria-label={`Clause ${clause.id}`} role="region">
                  <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                    {clause.text}
                  </Typography>
                  <Typography variant="caption" component="p" color="text.secondary">
                    Applies to {clause.appliesTo.join(', ')} · {clause.severityGuidance} · Outcomes:{' '}
                    {clause.allowedOutcomes.map((kind) => OUTCOME_KIND_LABELS[kind]).join(', ')}
                  </Typography>
                </Box>
              )}
            </Box>
          ))}
        </List>
      )}
    </Stack>
  )
}
