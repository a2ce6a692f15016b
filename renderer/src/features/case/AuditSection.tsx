import { Box, List, ListItem, ListItemText, Tooltip, Typography } from '@mui/material'
import { useLiveQuery } from 'dexie-react-hooks'
import { repositories } from '../../db/instance'
import { formatDateTime } from '../../format/time'
import {
  auditNames,
  entrySubject,
  type ShownChange,
  showChanges,
  shownName,
  type ValuePart,
} from './audit-names'
import { EmptyNote } from './Facts'

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
    const [
      entries,
      record,
      party,
      evidence,
      task,
      note,
      timelineEvent,
      communication,
      annotation,
      order,
      claim,
      report,
      determination,
      contactAttempt,
    ] = await Promise.all([
      repositories.audit.listForCase(caseId),
      repositories.cases.get(caseId),
      repositories.parties.listForCase(caseId),
      repositories.evidence.listForCase(caseId),
      repositories.tasks.listForCase(caseId),
      repositories.notes.listForCase(caseId),
      repositories.timeline.listForCase(caseId),
      repositories.communications.listForCase(caseId),
      repositories.annotations.listForCase(caseId),
      repositories.orders.listForCase(caseId),
      repositories.claims.listForCase(caseId),
      repositories.reports.listForCase(caseId),
      repositories.determinations.listForCase(caseId),
      repositories.contactAttempts.listForCase(caseId),
    ])
    const records = {
      party,
      evidence,
      task,
      note,
      timelineEvent,
      communication,
      annotation,
      order,
      claim,
      report,
      determination,
      contactAttempt,
    }
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
