import { repositories } from '@db/instance'
import { MenuItem, TextField } from '@mui/material'
import { type Evidence, exhibitLabel, PARTY_ROLE_LABELS, TagSchema } from '@shared/domain'
import { showUntrusted } from '@shared/untrusted-text'
import { FormDialog } from '@ui/FormDialog'
import { fromLocalInputValue, toLocalInputValue } from '@ui/format/time'
import { LocalDateTimeField } from '@ui/LocalDateTimeField'
import { NoteField } from '@ui/NoteField'
import { attempt } from '@ui/notices'
import { useAnalyst } from '@workspace/useAnalyst'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'

const NO_SOURCE = ''

/** What the analyst records about an item: who it came from, when it was acquired, what it shows, tags. */
export function EvidenceDetailsDialog({ item, onClose }: { item: Evidence; onClose(): void }) {
  const analyst = useAnalyst()
  const parties = useLiveQuery(() => repositories.parties.listForCase(item.caseId), [item.caseId])
  const [source, setSource] = useState(item.sourcePartyId ?? NO_SOURCE)
  const [acquiredAt, setAcquiredAt] = useState(toLocalInputValue(item.acquiredAt))
  const [description, setDescription] = useState(item.description)
  const [tags, setTags] = useState(item.tags.join(', '))
  const tagList = [
    ...new Set(
      tags
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ]
  const badTag = tagList.find((tag) => !TagSchema.safeParse(tag).success)
  const acquired = fromLocalInputValue(acquiredAt)
  const label = exhibitLabel(item.exhibitNumber)

  const save = async () => {
    if (!analyst || !acquired || badTag) return
    const saved = await attempt(
      () =>
        repositories.evidence.update(
          item.id,
          {
            sourcePartyId: source === NO_SOURCE ? null : source,
            // Untouched, the time keeps its seconds (the field shows minutes).
            acquiredAt: acquiredAt === toLocalInputValue(item.acquiredAt) ? item.acquiredAt : acquired,
            description: description.trim(),
            tags: tagList,
          },
          analyst,
        ),
      `${label} saved.`,
    )
    if (saved) onClose()
  }

  return (
    <FormDialog
      title={`Details of ${label} · ${showUntrusted(item.originalName)}`}
      submitLabel="Save details"
      canSubmit={Boolean(acquired) && !badTag}
      onSubmit={save}
      onClose={onClose}
    >
      <TextField select label="Source" value={source} onChange={(event) => setSource(event.target.value)}>
        <MenuItem value={NO_SOURCE}>Not from a party on the case</MenuItem>
        {(parties ?? []).map((party) => (
          <MenuItem key={party.id} value={party.id}>
            {showUntrusted(party.name)} ({PARTY_ROLE_LABELS[party.role]})
          </MenuItem>
        ))}
      </TextField>
      <LocalDateTimeField
        label="Acquired"
        value={acquiredAt}
        onChange={setAcquiredAt}
        helperText="When the item reached Trust & Safety"
        missingText="Enter when the item was acquired"
      />
      <NoteField label="Description" minRows={3} value={description} onChange={setDescription} />
      <TextField
        label="Tags"
        value={tags}
        onChange={(event) => setTags(event.target.value)}
        error={Boolean(badTag)}
        helperText={badTag ? `"${badTag}" is not a valid tag` : 'Separated by commas'}
      />
    </FormDialog>
  )
}
