import { repositories } from '@db/instance'
import { Box, List, ListItemButton, ListItemText, Stack, Typography } from '@mui/material'
import { AUDIENCE_LABELS, REPORT_STATUS_LABELS, type ReportExport, type ReportVersion } from '@shared/domain'
import { diffReportVersions, reportText } from '@shared/formats/report/report-diff'
import type { ReportDocument } from '@shared/formats/report/report-document'
import { formatDateTime } from '@ui/format/time'
import { PanelDialog } from '@ui/PanelDialog'
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'

const REASONS: Record<ReportVersion['reason'], string> = {
  snapshot: 'Snapshot',
  export: 'Exported',
  amendment: 'Before amendment',
}

/**
 * Every version of the report: choose one to read it, or two to see what changed between them
 * (removed words struck through in red, added words underlined in green).
 */
/** "For the customer, with a password; hidden: shopper phone ×2, shopper email ×1". */
function describeExport(exported: ReportExport): string {
  const hidden = exported.redactions.map((entry) => `${entry.rule} ×${entry.count}`).join(', ')
  return `For: ${AUDIENCE_LABELS[exported.audience]}${exported.passwordProtected ? ', password protected' : ''}; hidden: ${hidden || 'nothing'}`
}

export function VersionsDialog({ reportId, onClose }: { reportId: string; onClose(): void }) {
  const versions = useLiveQuery(() => repositories.reports.listVersions(reportId), [reportId]) ?? []
  const [chosen, setChosen] = useState<string[]>([])
  const picked = versions.filter((version) => chosen.includes(version.id))
  const toggle = (id: string) =>
    setChosen((current) =>
      current.includes(id) ? current.filter((other) => other !== id) : [...current, id].slice(-2),
    )

  return (
    <PanelDialog title="Report versions" width="lg" onClose={onClose}>
      {versions.length === 0 ? (
        <Typography color="text.secondary">
          No versions yet. "Take a snapshot" keeps the text as it is now; every export and every amendment
          keeps one too.
        </Typography>
      ) : (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
          <List dense aria-label="Versions" sx={{ width: 320, flexShrink: 0 }}>
            {versions.map((version) => (
              <ListItemButton
                key={version.id}
                selected={chosen.includes(version.id)}
                onClick={() => toggle(version.id)}
              >
                <ListItemText
                  primary={`Version ${version.number} · ${REASONS[version.reason]} · ${REPORT_STATUS_LABELS[version.status]}`}
                  secondary={`${version.takenBy.name}, ${formatDateTime(version.takenAt)}${version.exportedPdfSha256 ? ` · PDF SHA-256 ${version.exportedPdfSha256}` : ''}${version.export ? ` · ${describeExport(version.export)}` : ''}`}
                  slotProps={{ secondary: { sx: { overflowWrap: 'anywhere' } } }}
                />
              </ListItemButton>
            ))}
          </List>
          <Box sx={{ flex: 1, minWidth: 0 }} aria-label="Version text" component="section">
            {picked.length === 0 && (
              <Typography color="text.secondary">
                Choose a version to read it, or two to compare them.
              </Typography>
            )}
            {picked.length === 1 && (
              <>
                <Typography variant="subtitle2">Version {picked[0]!.number}</Typography>
                <Box component="pre" sx={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', m: 0 }}>
                  {reportText(picked[0]!.body as ReportDocument)}
                </Box>
              </>
            )}
            {picked.length === 2 && <VersionDiff versions={picked as [ReportVersion, ReportVersion]} />}
          </Box>
        </Stack>
      )}
    </PanelDialog>
  )
}

function VersionDiff({ versions }: { versions: [ReportVersion, ReportVersion] }) {
  const [older, newer] = [...versions].sort((a, b) => a.number - b.number) as [ReportVersion, ReportVersion]
  const parts = diffReportVersions(older.body as ReportDocument, newer.body as ReportDocument)
  return (
    <>
      <Typography variant="subtitle2">
        From version {older.number} to version {newer.number}
      </Typography>
      <Box
        component="pre"
        data-testid="version-diff"
        sx={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', m: 0 }}
      >
        {parts.map((part, index) =>
          part.kind === 'same' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: diff parts have no ids and never reorder
            <span key={index}>{part.text}</span>
          ) : (
            <Box
              // biome-ignore lint/suspicious/noArrayIndexKey: as above
              key={index}
              component={part.kind === 'added' ? 'ins' : 'del'}
              sx={{ color: part.kind === 'added' ? 'success.main' : 'error.main' }}
            >
              {part.text}
            </Box>
          ),
        )}
      </Box>
    </>
  )
}
