import { repositories } from '@db/instance'
import { Box, LinearProgress, Link, Paper, Stack, Typography } from '@mui/material'
import { type Case, categoryLabel, OUTCOME_KIND_LABELS } from '@shared/domain'
import { formatDateTime } from '@ui/format/time'
import { useWorkspaceUi } from '@workspace/workspace-store'
import { useLiveQuery } from 'dexie-react-hooks'

/**
 * The consistency helper: how past cases of this category that broke the same clauses came out, and
 * the cases themselves (click to open), so that analysts decide alike.
 */
export function SimilarCasesPanel({ record, clauseIds }: { record: Case; clauseIds: string[] }) {
  // The clause list is a new array on every render: the query follows its ids.
  const key = clauseIds.join(',')
  const similar = useLiveQuery(async () => {
    const started = performance.now()
    const found = await repositories.determinations.similarCases(record, key ? key.split(',') : [])
    // Read by `npm run bench` (budget: 100 ms on 100,000 cases).
    performance.measure('similar-cases:lookup', { start: started })
    return found
  }, [record, key])
  const selectCase = useWorkspaceUi((state) => state.selectCase)
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label="Similar past cases">
      <Typography variant="h6" component="h3" gutterBottom>
        Similar past cases
      </Typography>
      {clauseIds.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          Consider the clauses of a determination to see how past{' '}
          {categoryLabel(record.category).toLowerCase()} cases that broke them were decided.
        </Typography>
      ) : !similar ? (
        <LinearProgress aria-label="Finding similar cases" />
      ) : similar.decisions === 0 ? (
        <Typography variant="body2" color="text.secondary">
          No past {categoryLabel(record.category).toLowerCase()} case found {clauseIds.join(' or ')} violated.
        </Typography>
      ) : (
        <Stack spacing={1.5}>
          <Typography variant="body2">
            {similar.decisions} past decision{similar.decisions === 1 ? '' : 's'} on{' '}
            {categoryLabel(record.category).toLowerCase()} cases that found {clauseIds.join(' or ')} violated:
          </Typography>
          <Stack spacing={0.75} aria-label="Outcome distribution">
            {similar.distribution.map((share) => (
              <Stack key={share.kind} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <Typography variant="body2" sx={{ width: 240 }}>
                  {OUTCOME_KIND_LABELS[share.kind]}
                </Typography>
                <Box sx={{ flex: 1, maxWidth: 240 }}>
                  <LinearProgress
                    variant="determinate"
                    value={share.share * 100}
                    aria-label={`${OUTCOME_KIND_LABELS[share.kind]} share`}
                  />
                </Box>
                <Typography variant="body2" sx={{ width: 110 }}>
                  {Math.round(share.share * 100)}% ({share.count})
                </Typography>
              </Stack>
            ))}
          </Stack>
          <Stack spacing={0.5}>
            {similar.cases.map((other) => (
              <Link
                key={other.caseId}
                component="button"
                variant="body2"
                sx={{ textAlign: 'left' }}
                onClick={() => selectCase(other.caseId)}
              >
                {other.caseNumber} · {other.title} · {other.sharedClauses.join(', ')} ·{' '}
                {other.outcomes.map((kind) => OUTCOME_KIND_LABELS[kind]).join(', ')} · decided{' '}
                {formatDateTime(other.decidedAt)}
              </Link>
            ))}
          </Stack>
        </Stack>
      )}
    </Paper>
  )
}
