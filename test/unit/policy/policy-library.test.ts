import { EXAMPLE_POLICIES } from '@shared/rules/policy/example-policies'
import { clauseIndex, PolicyDocumentSchema } from '@shared/rules/policy/policy-document'
import { PolicyFormatError, policyFromMarkdown, policyToMarkdown } from '@shared/rules/policy/policy-markdown'
import { searchClauses } from '@shared/rules/policy/policy-search'
import { describe, expect, it } from 'vitest'

const customerCode = EXAMPLE_POLICIES.find((policy) => policy.id === 'customer-code-of-conduct')!

describe('the example policy library', () => {
  it('covers the marketplace’s six areas, every document valid and marked as an example', () => {
    expect(EXAMPLE_POLICIES.map((policy) => policy.id)).toEqual([
      'customer-code-of-conduct',
      'shopper-code-of-conduct',
      'property-damage-and-reimbursement',
      'safety-incident',
      'alcohol-and-age-restricted-delivery',
      'fraud-and-account-integrity',
    ])
    for (const policy of EXAMPLE_POLICIES) {
      expect(PolicyDocumentSchema.safeParse(policy).success, policy.id).toBe(true)
      expect(policy.example).toBe(true)
    }
    // Clause ids are unique across the library, so a citation names one clause.
    const ids = EXAMPLE_POLICIES.flatMap((policy) => policy.clauses.map((clause) => clause.id))
    expect(new Set(ids).size).toBe(ids.length)
    expect(clauseIndex(EXAMPLE_POLICIES).get('SAFE-3')?.policy.id).toBe('safety-incident')
  })
})

describe('policies as Markdown', () => {
  it('writes front matter and one section per clause, and reads every example back unchanged', () => {
    const markdown = policyToMarkdown(customerCode)
    expect(markdown).toMatch(/^---\nid: customer-code-of-conduct\n/)
    expect(markdown).toContain('## CC-2 Threats and intimidation')
    expect(markdown).toContain('Outcomes: warning, temporary_suspension, permanent_deactivation, referral')
    for (const policy of EXAMPLE_POLICIES)
      expect(policyFromMarkdown(policyToMarkdown(policy))).toEqual(policy)
  })

  it('says what is wrong and where, for each kind of mistake', () => {
    const good = policyToMarkdown(customerCode)
    const cases: [string, string, RegExp][] = [
      ['no front matter', good.replace(/^---\n/, ''), /Line 1: a policy starts with front matter/],
      ['unclosed front matter', good.replace('---\n\n', '\n\n'), /no closing "---"/],
      ['broken YAML', good.replace('title: ', 'title: [unclosed '), /front matter is not valid YAML/],
      [
        'a clause heading without a title',
        good.replace('## CC-1 Respectful conduct toward shoppers', '## CC-1'),
        /Line \d+: a clause heading is/,
      ],
      [
        'a clause without outcomes',
        good.replace(/\nOutcomes: warning, temporary_suspension, permanent_deactivation, referral/, ''),
        /Clause CC-2 \(line \d+\) has no "Outcomes:" line/,
      ],
      [
        'an unknown outcome',
        good.replace('Outcomes: warning, temporary', 'Outcomes: public_shaming, temporary'),
        /clauses\.1\.allowedOutcomes\.0/,
      ],
      [
        'an unknown audience',
        good.replace('Applies to: customer', 'Applies to: courier'),
        /clauses\.0\.appliesTo\.0/,
      ],
      ['a malformed clause id', good.replace('## CC-3 ', '## cc three '), /a clause id looks like CC-2/],
      ['a repeated clause id', good.replace('## CC-3 ', '## CC-2 '), /clause CC-2 appears twice/],
      [
        'a field after the text',
        good.replace('Threatening a shopper', 'Threatening a shopper\nSeverity: low\n'),
        /"Severity:" belongs before the clause's text/,
      ],
    ]
    for (const [what, markdown, message] of cases) {
      expect(() => policyFromMarkdown(markdown), what).toThrow(PolicyFormatError)
      expect(() => policyFromMarkdown(markdown), what).toThrow(message)
    }
  })
})

describe('searching the policy library', () => {
  it('finds a clause by its id, or by every word typed, title matches first', () => {
    expect(searchClauses(EXAMPLE_POLICIES, 'cc-2').map((match) => match.clause.id)).toEqual(['CC-2'])
    const threats = searchClauses(EXAMPLE_POLICIES, 'threat')
    expect(threats[0]?.clause.id).toBe('CC-2')
    expect(searchClauses(EXAMPLE_POLICIES, 'valid id legal age').map((match) => match.clause.id)).toEqual([
      'ALC-1',
    ])
    expect(searchClauses(EXAMPLE_POLICIES, 'zebra')).toEqual([])
    expect(searchClauses(EXAMPLE_POLICIES, '  ')).toEqual([])
  })
})
