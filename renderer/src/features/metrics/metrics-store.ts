import { CASE_CSV_COLUMN_IDS, type CaseCsvColumnId } from '@shared/rules/metrics/case-csv'
import { create } from 'zustand'
import { persist } from 'zustand/middleware'

/** The dashboard's date range, as dates ("2026-11-01") in the analyst's calendar; empty for an open end. */
export interface DashboardRange {
  from: string
  to: string
}

interface MetricsUiState {
  range: DashboardRange | null
  /** The columns the CSV export writes, as last chosen. */
  csvColumns: CaseCsvColumnId[]
  setRange(range: DashboardRange): void
  setCsvColumns(columns: CaseCsvColumnId[]): void
}

/** The dashboard's filter and column choice: UI state, kept between sessions on this computer. */
export const useMetricsUi = create<MetricsUiState>()(
  persist(
    (set) => ({
      range: null,
      csvColumns: CASE_CSV_COLUMN_IDS,
      setRange: (range) => set({ range }),
      setCsvColumns: (csvColumns) => set({ csvColumns }),
    }),
    { name: 'crw.metrics' },
  ),
)
