/** Human-readable case numbers: CR-<year>-<6-digit sequence>, e.g. CR-2026-000123. */
export const CASE_NUMBER_PATTERN = /^CR-(\d{4})-(\d{6})$/

export function formatCaseNumber(year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999) {
    throw new RangeError(`case sequence must be 1–999999, got ${sequence}`)
  }
  return `CR-${year}-${String(sequence).padStart(6, '0')}`
}

export function parseCaseNumber(caseNumber: string): { year: number; sequence: number } | null {
  const match = CASE_NUMBER_PATTERN.exec(caseNumber)
  if (!match) return null
  return { year: Number(match[1]), sequence: Number(match[2]) }
}
