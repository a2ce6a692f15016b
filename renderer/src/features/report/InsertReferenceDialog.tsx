import { repositories } from '@db/instance'
import { DamageMark } from '@features/evidence'
import { usePolicyLibrary } from '@features/policy'
import { List, ListItemButton, ListItemText, MenuItem, TextField } from '@mui/material'
import { type Evidence, exhibitLabel, PARTY_ROLE_LABELS } from '@shared/domain'
import { isViewableImage } from '@shared/formats/evidence/content-type'
import { damageSentence } from '@shared/formats/evidence/image-damage'
import { searchClauses } from '@shared/rules/policy/policy-search'
import { showUntrusted } from '@shared/untrusted-text'
import type { Editor } from '@tiptap/react'
import { FormDialog } from '@ui/FormDialog'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'

export type InsertKind = 'exhibit' | 'figure' | 'party' | 'clause'

/** An incomplete or damaged photo can still be cited and shown: its figure's caption says so. */
const damageNote = (item: Evidence | undefined, kind: InsertKind) => {
  if (!item?.damage) return ' '
  const figure =
    kind === 'figure' ? ` Its figure is marked "${item.damage.kind}" in the report, with the reason.` : ''
  return `${damageSentence(item.damage)}${figure}`
}

const TITLES: Record<InsertKind, string> = {
  exhibit: 'Insert an exhibit reference',
  figure: 'Insert an exhibit figure',
  party: 'Mention a party',
  clause: 'Cite a policy clause',
}

/** Puts a reference to a record of the case into the report at the cursor. */
export function InsertReferenceDialog({
  kind,
  caseId,
  editor,
  onClose,
}: {
  kind: InsertKind
  caseId: string
  editor: Editor
  onClose(): void
}) {
  const evidence = useLiveQuery(() => repositories.evidence.listForCase(caseId), [caseId]) ?? []
  const parties = useLiveQuery(() => repositories.parties.listForCase(caseId), [caseId]) ?? []
  const [chosen, setChosen] = useState('')
  const [caption, setCaption] = useState('')
  // Clauses are cited from the policy library, found by id or words.
  const library = usePolicyLibrary() ?? []
  const [clauseQuery, setClauseQuery] = useState('')
  const clauses = clauseQuery.trim() ? searchClauses(library, clauseQuery).slice(0, 20) : []
  const [error, setError] = useState<string | null>(null)
  const items = evidence.filter(
    (item) => !item.removed && (kind !== 'figure' || isViewableImage(item.detectedType)),
  )

  const insert = () => {
    const chain = editor.chain().focus()
    if (kind === 'clause') {
      const match = clauses.find(({ clause }) => clause.id === chosen)
      if (!match) return setError('Choose a clause from the policy library.')
      chain
        .insertContent({
          type: 'policyClause',
          attrs: { clauseId: match.clause.id, title: match.clause.title },
        })
        .run()
    } else if (kind === 'party') {
      const party = parties.find((candidate) => candidate.id === chosen)
      if (!party) return setError('Choose a party.')
      chain
        .insertContent({
          type: 'partyMention',
          attrs: { partyId: party.id, name: party.name, role: party.role },
        })
        .run()
    } else {
      const item = items.find((candidate) => candidate.id === chosen)
      if (!item) return setError('Choose an exhibit.')
      const attrs = { evidenceId: item.id, exhibit: exhibitLabel(item.exhibitNumber) }
      if (kind === 'exhibit') chain.insertContent({ type: 'evidenceReference', attrs }).run()
      // A paragraph after the figure takes the cursor, so typing goes on below it rather than over it.
      else
        chain
          .insertContent([
            { type: 'exhibitFigure', attrs: { ...attrs, caption: caption.trim() } },
            { type: 'paragraph' },
          ])
          .run()
    }
    onClose()
  }

  return (
    <FormDialog title={TITLES[kind]} submitLabel="Insert" error={error} onSubmit={insert} onClose={onClose}>
      {kind === 'clause' ? (
        <>
          <TextField
            autoFocus
            label="Search clauses"
            placeholder="A clause id (PD-1) or words"
            value={clauseQuery}
            onChange={(event) => {
              setClauseQuery(event.target.value)
              setError(null)
            }}
          />
          <List dense aria-label="Clauses" sx={{ maxHeight: 280, overflow: 'auto' }}>
            {clauses.map(({ clause, policy }) => (
              <ListItemButton
                key={clause.id}
                selected={chosen === clause.id}
                onClick={() => {
                  setChosen(clause.id)
                  setError(null)
                }}
              >
                <ListItemText primary={`${clause.id} ${clause.title}`} secondary={policy.title} />
              </ListItemButton>
            ))}
          </List>
        </>
      ) : (
        <TextField
          select
          autoFocus
          label={kind === 'party' ? 'Party' : 'Exhibit'}
          value={chosen}
          onChange={(event) => {
            setChosen(event.target.value)
            setError(null)
          }}
          helperText={
            kind === 'figure' && items.length === 0
              ? 'This case has no photos to show as a figure.'
              : damageNote(
                  items.find((item) => item.id === chosen),
                  kind,
                )
          }
        >
          {kind === 'party'
            ? parties.map((party) => (
                <MenuItem key={party.id} value={party.id}>
                  {showUntrusted(party.name)} ({PARTY_ROLE_LABELS[party.role]})
                </MenuItem>
              ))
            : items.map((item) => (
                <MenuItem key={item.id} value={item.id}>
                  {exhibitLabel(item.exhibitNumber)} · {showUntrusted(item.originalName)}
                  <DamageMark damage={item.damage} />
                </MenuItem>
              ))}
        </TextField>
      )}
      {kind === 'figure' && (
        <TextField label="Caption" value={caption} onChange={(event) => setCaption(event.target.value)} />
      )}
    </FormDialog>
  )
}
