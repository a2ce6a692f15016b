import { createTheme, type Theme } from '@mui/material/styles'
import type { CaseStatus, Severity } from '@shared/domain'

/** Severity colours: S1 demands attention, S4 recedes. */
export const SEVERITY_COLOURS: Record<Severity, { light: string; dark: string }> = {
  S1: { light: '#b3261e', dark: '#ff8a80' },
  S2: { light: '#c25e00', dark: '#ffb74d' },
  S3: { light: '#8a6d00', dark: '#e6c84d' },
  S4: { light: '#5f6368', dark: '#b0b4ba' },
}

export const STATUS_COLOURS: Record<
  CaseStatus,
  'default' | 'primary' | 'secondary' | 'info' | 'success' | 'warning'
> = {
  new: 'secondary',
  triage: 'info',
  investigating: 'primary',
  awaiting_party: 'warning',
  pending_review: 'info',
  resolved: 'success',
  closed: 'default',
}

export function createWorkstationTheme(mode: 'light' | 'dark'): Theme {
  const dark = mode === 'dark'
  return createTheme({
    palette: {
      mode,
      primary: { main: dark ? '#8ab4f8' : '#1a4f8b' },
      secondary: { main: dark ? '#80cbc4' : '#00695c' },
      background: dark ? { default: '#121417', paper: '#1b1e22' } : { default: '#f4f6f9', paper: '#ffffff' },
    },
    shape: { borderRadius: 6 },
    typography: {
      fontFamily: 'Roboto, "Helvetica Neue", Arial, sans-serif',
      fontSize: 13,
      h1: { fontSize: '1.35rem', fontWeight: 600 },
      h2: { fontSize: '1.1rem', fontWeight: 600 },
      h3: { fontSize: '0.95rem', fontWeight: 600 },
    },
    components: {
      MuiButton: { defaultProps: { size: 'small', disableElevation: true } },
      MuiChip: { defaultProps: { size: 'small' } },
      MuiTextField: { defaultProps: { size: 'small' } },
      MuiTab: { styleOverrides: { root: { minHeight: 40, textTransform: 'none' } } },
      MuiTabs: { styleOverrides: { root: { minHeight: 40 } } },
    },
  })
}
