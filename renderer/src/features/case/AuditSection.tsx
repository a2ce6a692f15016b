import { repositories } from '@db/instance'
import { Box, List, ListItem, ListItemText, Tooltip, Typography } from '@mui/material'
import type { AuditedEntity } from '@shared/domain'
import { EmptyNote } from '@ui/Facts'
import { formatDateTime } from '@ui/format/time'
import { useLiveQuery } from 'dexie-react-hooks'
import {
  auditNames,
  entrySubject,
  type ShownChange,
  showChanges,
  shownName,
  type ValuePart,
} from './audit-names'

/** The case's records the audit names things after, by kind, each read through its repository. */
const NAMED_RECORDS: [AuditedEntity, (caseId: string) => Promise<readonly object[]>][] = [
  ['party', (caseId) => repositories.parties.listForCase(caseId)],
  ['evidence', (caseId) => repositories.evidence.listForCase(caseId)],
  ['task', (caseId) => repositories.tasks.listForCase(caseId)],
  ['note', (caseId) => repositories.notes.listForCase(caseId)],
  ['timelineEvent', (caseId) => repositories.timeline.listForCase(caseId)],
  ['communication', (caseId) => repositories.communications.listForCase(caseId)],
  ['annotation', (caseId) => repositories.annotations.listForCase(caseId)],
  ['order', (caseId) => repositories.orders.listForCase(caseId)],
  ['claim', (caseId) => repositories.claims.listForCase(caseId)],
  ['report', (caseId) => repositories.reports.listForCase(caseId)],
  ['determination', (caseId) => repositories.determinations.listForCase(caseId)],
  ['contactAttempt', (caseId) => repositories.contactAttempts.listForCase(caseId)],
]

/** An id shown by its name; hovering shows the id itself, for forensic work. */
function Named({ name, id, quiet = false }: { name: string; id: string; quiet?: boolean }) {
  return (
    <Tooltip title={`id ${id}`} describeChild>
      <Box
        component="span"
        data-id={id}
        sx={
          quiet ? undefined : { textDecoration: 'underline dotted', textUnderlineOffset: 2, cursor: 'help' }
        }
      >
        {name}
      </Box>
    </Tooltip>
  )
}

function Value({ parts }: { parts: ValuePart[] }) {
  return parts.map((part, index) =>
    typeof part === 'string' ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one value never reorder
      <span key={index}>{part}</span>
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one value never reorder
      <Named key={index} name={part.name} id={part.id} />
    ),
  )
}

function Change({ change }: { change: ShownChange }) {
  return (
    <Box component="span" sx={{ display: 'block' }}>
      {change.field}: <Value parts={change.before} /> → <Value parts={change.after} />
    </Box>
  )
}

/**
 * Every change on the case, newest first: who, when, what, and each field's before → after, with
 * records, analysts and ids shown by name.
 */
export function AuditSection({ caseId }: { caseId: string }) {
  const audit = useLiveQuery(async () => {
    const [entries, record, ...lists] = await Promise.all([
      repositories.audit.listForCase(caseId),
      repositories.cases.get(caseId),
      ...NAMED_RECORDS.map(([, list]) => list(caseId)),
    ])
    const records = Object.fromEntries(NAMED_RECORDS.map(([entity], index) => [entity, lists[index]!]))
    const names = auditNames({ case: record, records, entries })
    return { entries, names }
  }, [caseId])
  if (!audit) return null
  const { entries, names } = audit
  if (entries.length === 0) return <EmptyNote>No changes recorded.</EmptyNote>
  return (
    <List dense disablePadding aria-label="Audit log">
      {entries.map((entry) => {
        const subject = entrySubject(entry, names)
        return (
          <ListItem key={entry.id} divider disableGutters>
            <ListItemText
              primary={
                <Typography variant="body2">
                  <strong>
                    <Named name={shownName(entry.actor.name)} id={entry.actor.id} />
                  </strong>{' '}
                  · {formatDateTime(entry.at)} ·{' '}
                  <Named name={shownName(entry.summary)} id={entry.entityId} quiet />
                  {subject && (
                    <>
                      {' · '}
                      <Named name={subject.label} id={subject.id} />
                    </>
                  )}
                </Typography>
              }
              secondary={showChanges(entry, names).map((change) => (
                <Change key={change.field} change={change} />
              ))}
              slotProps={{ secondary: { component: 'div', sx: { fontFamily: 'monospace', fontSize: 12 } } }}
            />
          </ListItem>
        )
      })}
    </List>
  )
}
