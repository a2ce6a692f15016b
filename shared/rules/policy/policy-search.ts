import { titleWords as searchWords } from '../../domain/title-words'
import { clauseIndex, type PolicyClause, type PolicyDocument } from './policy-document'

export interface ClauseMatch {
  clause: PolicyClause
  policy: PolicyDocument
}

/**
 * Clauses holding every word of the query (in their id, title or text), those that name it in the
 * title first. An exact clause id ("CC-2") finds that clause alone.
 */
export function searchClauses(library: readonly PolicyDocument[], query: string): ClauseMatch[] {
  const index = clauseIndex(library)
  const exact = index.get(query.trim().toUpperCase())
  if (exact) return [exact]
  const words = searchWords(query)
  if (words.length === 0) return []
  const matches: { match: ClauseMatch; inTitle: number }[] = []
  for (const match of index.values()) {
    const title = searchWords(`${match.clause.id} ${match.clause.title}`)
    const all = new Set([...title, ...searchWords(match.clause.text)])
    const prefixOf = (set: Iterable<string>, word: string) =>
      [...set].some((candidate) => candidate.startsWith(word))
    if (!words.every((word) => prefixOf(all, word))) continue
    matches.push({ match, inTitle: words.filter((word) => prefixOf(title, word)).length })
  }
  return matches.sort((a, b) => b.inTitle - a.inTitle).map(({ match }) => match)
}
