import { repositories } from '@db/instance'
import FilterListIcon from '@mui/icons-material/FilterList'
import { Badge, Box, Button, Collapse, MenuItem, Stack, TextField } from '@mui/material'
import {
  type Actor,
  CASE_STATUS_INFO,
  CASE_STATUSES,
  INCIDENT_CATEGORIES,
  INCIDENT_CATEGORY_INFO,
  SEVERITIES,
} from '@shared/domain'
import {
  type AssigneeFilter,
  EMPTY_QUEUE_FILTER,
  isFilterEmpty,
  QUEUE_SORTS,
  type QueueFilter,
  type QueueSort,
  type SavedQueueView,
} from '@shared/rules/queue/queue-filter'
import { SETTINGS } from '@shared/rules/settings/registry'
import { FormDialog } from '@ui/FormDialog'
import { attempt } from '@ui/notices'
import { useCommandRuntime } from '@workspace/commands'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { useQueueUi } from './queue-store'

/** A multi-choice criterion: nothing chosen means "any". */
function MultiSelect<T extends string>(props: {
  label: string
  values: readonly T[]
  chosen: T[]
  labelOf(value: T): string
  onChange(chosen: T[]): void
}) {
  return (
    <TextField
      select
      size="small"
      label={props.label}
      value={props.chosen}
      onChange={(event) => props.onChange(event.target.value as unknown as T[])}
      slotProps={{
        select: {
          multiple: true,
          displayEmpty: true,
          renderValue: (selected) =>
            (selected as T[]).length ? (selected as T[]).map(props.labelOf).join(', ') : 'Any',
        },
        inputLabel: { shrink: true },
      }}
      sx={{ minWidth: 150, maxWidth: 260 }}
    >
      {props.values.map((value) => (
        <MenuItem key={value} value={value}>
          {props.labelOf(value)}
        </MenuItem>
      ))}
    </TextField>
  )
}

const assigneeKey = (assignee: AssigneeFilter) =>
  typeof assignee === 'string' ? assignee : `analyst:${assignee.analystId}`

function SaveViewDialog({
  analyst,
  existing,
  onClose,
}: {
  analyst: Actor
  existing: SavedQueueView[]
  onClose(): void
}) {
  const [name, setName] = useState('')
  const taken = existing.some((view) => view.name.toLowerCase() === name.trim().toLowerCase())
  const save = async () => {
    const { queueFilter, queueSort } = useQueueUi.getState()
    const view: SavedQueueView = {
      id: crypto.randomUUID(),
      name: name.trim(),
      filter: queueFilter,
      sort: queueSort,
    }
    const saved = await attempt(async () => {
      await repositories.settings.save(
        SETTINGS.savedQueueViews,
        [...existing, view],
        analyst,
        `Saved queue view "${view.name}"`,
      )
      return true
    }, `Saved the view "${view.name}".`)
    if (saved) {
      useQueueUi.getState().openSavedView(view)
      onClose()
    }
  }
  return (
    <FormDialog
      title="Save this filter as a view"
      submitLabel="Save view"
      canSubmit={name.trim() !== '' && !taken}
      width={360}
      onSubmit={save}
      onClose={onClose}
    >
      <TextField
        autoFocus
        label="View name"
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={taken}
        helperText={
          taken ? 'A view with this name exists' : 'Listed under Saved views in the queue view menu'
        }
      />
    </FormDialog>
  )
}

/**
 * Custom filter (category, severity, status, assignee, tag, text) and sort over the current view,
 * and the analyst's saved views: save as new, update, delete.
 */
export function QueueFilterBar({ analyst }: { analyst: Actor }) {
  const filter = useQueueUi((state) => state.queueFilter)
  const sort = useQueueUi((state) => state.queueSort)
  const savedViewId = useQueueUi((state) => state.savedViewId)
  const [open, setOpen] = useState(false)
  const [saving, setSaving] = useState(false)
  const savedViews = useLiveQuery(() => repositories.settings.read(SETTINGS.savedQueueViews), [])
  // Read when the assignee menu first opens: on 100,000 cases it would otherwise compete with the
  // first keystrokes typed into the filter.
  const [assigneesWanted, setAssigneesWanted] = useState(false)
  const assignees =
    useLiveQuery(() => (assigneesWanted ? repositories.queueViews.assignees() : []), [assigneesWanted]) ?? []
  // The palette's "Save the queue filter as a view…" is the "Save view…" button, while it shows.
  const canSave =
    savedViews !== undefined &&
    (!isFilterEmpty(filter) || sort !== 'view') &&
    !savedViews.some((view) => view.id === savedViewId)
  useCommandRuntime('queue.save-view', () => setSaving(true), canSave)
  if (!savedViews) return null
  const ui = useQueueUi.getState()
  const change = (patch: Partial<QueueFilter>) => ui.setQueueFilter({ ...filter, ...patch })
  const savedView = savedViews.find((view) => view.id === savedViewId)
  const changed =
    savedView && (JSON.stringify(savedView.filter) !== JSON.stringify(filter) || savedView.sort !== sort)
  const criteria = [
    filter.categories.length,
    filter.severities.length,
    filter.statuses.length,
    filter.assignee !== 'any',
    filter.tag,
    filter.text,
  ].filter(Boolean).length
  const assigneeOptions: Array<[string, string, AssigneeFilter]> = [
    ['any', 'Anyone', 'any'],
    ['me', 'Me', 'me'],
    ['unassigned', 'Unassigned', 'unassigned'],
    ...assignees
      .filter((assignee) => assignee.analystId !== analyst.id)
      .map((assignee): [string, string, AssigneeFilter] => [
        `analyst:${assignee.analystId}`,
        assignee.name,
        assignee,
      ]),
  ]
  if (
    typeof filter.assignee !== 'string' &&
    !assigneeOptions.some(([key]) => key === assigneeKey(filter.assignee))
  )
    assigneeOptions.push([assigneeKey(filter.assignee), filter.assignee.name, filter.assignee])

  const storeViews = (views: SavedQueueView[], summary: string) =>
    attempt(
      () => repositories.settings.save(SETTINGS.savedQueueViews, views, analyst, summary),
      `${summary}.`,
    )

  return (
    <Box sx={{ borderBottom: 1, borderColor: 'divider', px: 1.5, py: 0.5 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Button
          size="small"
          startIcon={
            <Badge badgeContent={criteria} color="primary">
              <FilterListIcon fontSize="small" />
            </Badge>
          }
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          Filter
        </Button>
        <TextField
          select
          size="small"
          label="Sort"
          value={sort}
          onChange={(event) => ui.setQueueSort(event.target.value as QueueSort)}
          sx={{ minWidth: 190 }}
        >
          {QUEUE_SORTS.map(({ id, label }) => (
            <MenuItem key={id} value={id}>
              {label}
            </MenuItem>
          ))}
        </TextField>
        <Box sx={{ flex: 1 }} />
        {!isFilterEmpty(filter) && (
          <Button size="small" onClick={() => ui.setQueueFilter(EMPTY_QUEUE_FILTER)}>
            Clear filter
          </Button>
        )}
        {savedView && changed && (
          <Button
            size="small"
            onClick={() =>
              storeViews(
                savedViews.map((view) => (view.id === savedView.id ? { ...view, filter, sort } : view)),
                `Updated the view "${savedView.name}"`,
              )
            }
          >
            Update view
          </Button>
        )}
        {savedView && (
          <Button
            size="small"
            color="error"
            onClick={async () => {
              await storeViews(
                savedViews.filter((view) => view.id !== savedView.id),
                `Deleted the view "${savedView.name}"`,
              )
              ui.setQueueView('all')
            }}
          >
            Delete view
          </Button>
        )}
        {canSave && (
          <Button size="small" variant="outlined" onClick={() => setSaving(true)}>
            Save view…
          </Button>
        )}
      </Stack>
      <Collapse in={open} unmountOnExit>
        <Stack
          direction="row"
          useFlexGap
          spacing={1}
          sx={{ flexWrap: 'wrap', py: 1 }}
          component="section"
          aria-label="Queue filter"
        >
          <TextField
            size="small"
            label="Text"
            placeholder="Case number, order id or title words"
            value={filter.text}
            onChange={(event) => change({ text: event.target.value })}
            sx={{ minWidth: 220 }}
          />
          <MultiSelect
            label="Category"
            values={INCIDENT_CATEGORIES}
            chosen={filter.categories}
            labelOf={(category) => INCIDENT_CATEGORY_INFO[category].label}
            onChange={(categories) => change({ categories })}
          />
          <MultiSelect
            label="Severity"
            values={SEVERITIES}
            chosen={filter.severities}
            labelOf={(severity) => severity}
            onChange={(severities) => change({ severities })}
          />
          <MultiSelect
            label="Status"
            values={CASE_STATUSES}
            chosen={filter.statuses}
            labelOf={(status) => CASE_STATUS_INFO[status].label}
            onChange={(statuses) => change({ statuses })}
          />
          <TextField
            select
            size="small"
            label="Assignee"
            value={assigneeKey(filter.assignee)}
            slotProps={{ select: { onOpen: () => setAssigneesWanted(true) } }}
            onChange={(event) =>
              change({ assignee: assigneeOptions.find(([key]) => key === event.target.value)?.[2] ?? 'any' })
            }
            sx={{ minWidth: 150 }}
          >
            {assigneeOptions.map(([key, label]) => (
              <MenuItem key={key} value={key}>
                {label}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            size="small"
            label="Tag"
            value={filter.tag}
            onChange={(event) => change({ tag: event.target.value })}
            sx={{ width: 140 }}
          />
        </Stack>
      </Collapse>
      {saving && <SaveViewDialog analyst={analyst} existing={savedViews} onClose={() => setSaving(false)} />}
    </Box>
  )
}
