import { runReported } from '@features/transfer'
import UploadFileIcon from '@mui/icons-material/UploadFile'
import { Box, Button, LinearProgress, List, ListItem, ListItemText, Stack, Typography } from '@mui/material'
import { cancelEvidenceImport } from '@services/evidence-import/import-evidence-files'
import { formatBytes } from '@shared/byte-size'
import { useCommandRuntime } from '@workspace/commands'
import { useAnalyst } from '@workspace/useAnalyst'
import { useRef } from 'react'
import { BundleExportStatus } from '../bundle/BundleExportStatus'
import { useBundleExports } from '../bundle/evidence-bundle-export-store'
import { exportEvidenceBundle } from '../bundle/export-evidence-bundle'
import { type ImportJob, useEvidenceImports } from './evidence-import-store'
import { importEvidenceFiles } from './import-evidence'

const RUNNING = new Set(['waiting', 'hashing', 'checking', 'storing'])

function JobLine({ job }: { job: ImportJob }) {
  const running = RUNNING.has(job.state)
  return (
    <ListItem
      disableGutters
      divider
      data-testid="evidence-import"
      secondaryAction={
        running && job.state !== 'storing' ? (
          <Button
            size="small"
            onClick={() => cancelEvidenceImport(job.id)}
            aria-label={`Cancel ${job.shownName}`}
          >
            Cancel
          </Button>
        ) : undefined
      }
    >
      <ListItemText
        primary={`${job.shownName} · ${formatBytes(job.size)}`}
        secondary={
          running ? (
            // Hashing shows how far it is; the image check (reading and decoding a photo) cannot.
            <LinearProgress
              variant={job.state === 'checking' ? 'indeterminate' : 'determinate'}
              value={job.size ? (job.hashed / job.size) * 100 : 100}
              aria-label={`${job.state === 'checking' ? 'Checking the picture of' : 'Importing'} ${job.shownName}`}
            />
          ) : (
            <>
              {job.message}
              {job.warning && (
                <Box component="span" sx={{ display: 'block', color: 'text.primary', fontWeight: 600 }}>
                  {job.warning}
                </Box>
              )}
            </>
          )
        }
        slotProps={{
          secondary: {
            component: 'div',
            color: job.state === 'failed' ? 'error' : 'text.secondary',
          },
        }}
      />
    </ListItem>
  )
}

/**
 * Adding evidence: "Add files…", or files dropped on the Evidence tab, or an image pasted there.
 * Each file shows its progress and outcome; a file still being hashed can be cancelled.
 */
export function EvidenceImportPanel({ caseId }: { caseId: string }) {
  const analyst = useAnalyst()
  const input = useRef<HTMLInputElement>(null)
  const jobs = useEvidenceImports((state) => state.jobs).filter((job) => job.caseId === caseId)
  const exporting = useBundleExports((state) => state.exports[caseId]?.state === 'running')
  // The palette's "Add evidence files…" and "Export the evidence bundle…" are these buttons.
  useCommandRuntime('evidence.add-files', () => input.current?.click(), Boolean(analyst))
  useCommandRuntime(
    'evidence.export-bundle',
    () => analyst && runReported(() => exportEvidenceBundle(caseId, analyst)),
    Boolean(analyst),
  )
  if (!analyst) return null
  const finished = jobs.some((job) => !RUNNING.has(job.state))
  return (
    <Box>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Button
          variant="outlined"
          size="small"
          startIcon={<UploadFileIcon />}
          onClick={() => input.current?.click()}
        >
          Add files…
        </Button>
        <Typography variant="caption" color="text.secondary" sx={{ flex: 1 }}>
          or drop files here, or paste an image (Ctrl+V)
        </Typography>
        <Button
          size="small"
          disabled={exporting}
          onClick={() => runReported(() => exportEvidenceBundle(caseId, analyst))}
        >
          {exporting ? 'Exporting evidence bundle…' : 'Export evidence bundle…'}
        </Button>
        {finished && (
          <Button size="small" onClick={() => useEvidenceImports.getState().clearFinished(caseId)}>
            Clear finished
          </Button>
        )}
      </Stack>
      <BundleExportStatus caseId={caseId} />
      <input
        ref={input}
        type="file"
        multiple
        hidden
        aria-label="Evidence files"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])]
          event.target.value = ''
          if (files.length) void importEvidenceFiles(caseId, files, analyst)
        }}
      />
      {jobs.length > 0 && (
        <List dense disablePadding aria-label="Evidence imports">
          {jobs.map((job) => (
            <JobLine key={job.id} job={job} />
          ))}
        </List>
      )}
    </Box>
  )
}
