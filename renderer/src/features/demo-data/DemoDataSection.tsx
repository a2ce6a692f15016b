import { Alert, Button, LinearProgress, MenuItem, Stack, TextField, Typography } from '@mui/material'
import { loadDemoData } from '@services/demo-data/demo-loader'
import { removeDemoData } from '@services/demo-data/remove-demo-data'
import { thisWorkstation } from '@services/this-workstation'
import { useRef, useState } from 'react'

const COUNTS = [500, 5_000, 100_000] as const
const DEFAULT_SEED = 20261124

type Progress = { loaded: number; total: number } | null

export function DemoDataSection({ onChanged }: { onChanged(): void }) {
  const [count, setCount] = useState<number>(500)
  const [seed, setSeed] = useState(String(DEFAULT_SEED))
  const [progress, setProgress] = useState<Progress>(null)
  const [result, setResult] = useState<{ severity: 'success' | 'info' | 'error'; message: string } | null>(
    null,
  )
  const [confirmRemove, setConfirmRemove] = useState(false)
  const abort = useRef<AbortController | null>(null)
  const seedValid = /^\d{1,9}$/.test(seed)

  const load = async () => {
    abort.current = new AbortController()
    setResult(null)
    setProgress({ loaded: 0, total: count })
    try {
      const outcome = await loadDemoData(
        thisWorkstation,
        { count, seed: Number(seed) },
        { onProgress: (loaded, total) => setProgress({ loaded, total }), signal: abort.current.signal },
      )
      setResult(
        outcome.cancelled
          ? {
              severity: 'info',
              message: `Cancelled: ${outcome.loaded.toLocaleString('en-US')} demo cases were loaded.`,
            }
          : { severity: 'success', message: `Loaded ${outcome.loaded.toLocaleString('en-US')} demo cases.` },
      )
    } catch (error) {
      setResult({ severity: 'error', message: error instanceof Error ? error.message : String(error) })
    } finally {
      setProgress(null)
      onChanged()
    }
  }

  const remove = async () => {
    setConfirmRemove(false)
    try {
      const removed = await removeDemoData(thisWorkstation)
      setResult({ severity: 'success', message: `Removed ${removed.toLocaleString('en-US')} demo cases.` })
    } catch (error) {
      setResult({ severity: 'error', message: error instanceof Error ? error.message : String(error) })
    }
    onChanged()
  }

  return (
    <Stack spacing={1.5}>
      <Typography variant="body2" color="text.secondary">
        A realistic, fictional dataset for trying the workstation. Demo cases carry the “demo” tag; loading
        again replaces them.
      </Typography>
      <Stack direction="row" spacing={1}>
        <TextField
          select
          label="Number of demo cases"
          value={count}
          onChange={(event) => setCount(Number(event.target.value))}
          sx={{ minWidth: 200 }}
          disabled={progress !== null}
        >
          {COUNTS.map((option) => (
            <MenuItem key={option} value={option}>
              {option.toLocaleString('en-US')}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label="Seed"
          value={seed}
          onChange={(event) => setSeed(event.target.value.trim())}
          error={!seedValid}
          helperText={seedValid ? 'The same seed gives the same cases.' : 'Use a whole number.'}
          disabled={progress !== null}
        />
      </Stack>
      {progress ? (
        <Stack spacing={1}>
          <LinearProgress
            variant="determinate"
            value={(progress.loaded / progress.total) * 100}
            aria-label="Loading demo data"
            aria-valuetext={`${progress.loaded} of ${progress.total} cases`}
          />
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Typography variant="body2">
              {progress.loaded.toLocaleString('en-US')} of {progress.total.toLocaleString('en-US')} cases
            </Typography>
            <Button onClick={() => abort.current?.abort()}>Cancel</Button>
          </Stack>
        </Stack>
      ) : (
        <Stack direction="row" spacing={1}>
          {seedValid && (
            <Button variant="contained" onClick={load}>
              Load demo data
            </Button>
          )}
          {confirmRemove ? (
            <>
              <Button color="error" variant="contained" onClick={remove}>
                Remove all demo cases
              </Button>
              <Button onClick={() => setConfirmRemove(false)}>Keep them</Button>
            </>
          ) : (
            <Button color="error" onClick={() => setConfirmRemove(true)}>
              Remove demo data
            </Button>
          )}
        </Stack>
      )}
      {result && <Alert severity={result.severity}>{result.message}</Alert>}
    </Stack>
  )
}
