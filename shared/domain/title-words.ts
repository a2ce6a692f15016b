/**
 * The words of a case title as the search index keeps them: lower case, split on anything that is
 * not a letter or digit, each once. Searching matches each typed word as a prefix of one of these.
 */
export function titleWords(title: string): string[] {
  return [
    ...new Set(
      title
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((word) => word.length > 0),
    ),
  ]
}
