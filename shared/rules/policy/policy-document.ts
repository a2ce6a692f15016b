import { z } from 'zod'
import { OutcomeKindSchema } from '../../domain/determination'

/**
 * The policy library: versioned policy documents whose clauses keep stable ids, so a determination
 * or a report that cites "CC-2.1" means the same rule whichever version is in force.
 */

export const POLICY_AUDIENCES = ['customer', 'shopper', 'retailer'] as const
export const PolicyAudienceSchema = z.enum(POLICY_AUDIENCES)
export type PolicyAudience = z.infer<typeof PolicyAudienceSchema>

/** "CC-2", "SAFE-4.1": a short document code, then numbers. */
export const ClauseIdSchema = z
  .string()
  .regex(/^[A-Z]{2,6}-\d{1,3}(\.\d{1,3}){0,2}$/, 'a clause id looks like CC-2 or SAFE-4.1')

export const PolicyClauseSchema = z.object({
  id: ClauseIdSchema,
  title: z.string().trim().min(1, 'a clause needs a title').max(200),
  text: z.string().trim().min(1, 'a clause needs its text').max(20_000),
  appliesTo: z.array(PolicyAudienceSchema).min(1, 'say whom the clause applies to'),
  /** How serious a breach usually is, in words for the analyst. */
  severityGuidance: z.string().trim().max(2_000),
  /** The outcomes a breach of this clause may lead to. */
  allowedOutcomes: z.array(OutcomeKindSchema).min(1, 'name the outcomes the clause allows'),
})
export type PolicyClause = z.infer<typeof PolicyClauseSchema>

export const PolicyDocumentSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a policy id is lowercase words joined by dashes'),
    title: z.string().trim().min(1).max(200),
    version: z.number().int().min(1),
    effectiveFrom: z.iso.date(),
    /** Shipped as an example to edit, not the marketplace's actual policy. */
    example: z.boolean(),
    summary: z.string().trim().max(5_000),
    clauses: z.array(PolicyClauseSchema).min(1, 'a policy has at least one clause').max(500),
  })
  .superRefine((policy, context) => {
    const seen = new Set<string>()
    for (const [index, clause] of policy.clauses.entries()) {
      if (seen.has(clause.id))
        context.addIssue({
          code: 'custom',
          path: ['clauses', index, 'id'],
          message: `clause ${clause.id} appears twice`,
        })
      seen.add(clause.id)
    }
  })
export type PolicyDocument = z.infer<typeof PolicyDocumentSchema>

/** Every clause of a library by id, with the document it belongs to. */
export function clauseIndex(
  library: readonly PolicyDocument[],
): Map<string, { clause: PolicyClause; policy: PolicyDocument }> {
  const index = new Map<string, { clause: PolicyClause; policy: PolicyDocument }>()
  for (const policy of library) for (const clause of policy.clauses) index.set(clause.id, { clause, policy })
  return index
}
