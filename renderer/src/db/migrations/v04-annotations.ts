import type { Migration } from './migration'

// Analysts' marks on evidence (shapes, redactions, timestamped notes), kept apart from the evidence
// bytes so the originals stay as imported.
export const v04Annotations: Migration = {
  version: 4,
  stores: { annotations: 'id, caseId, evidenceId' },
}
