import { Alert, Box, Button } from '@mui/material'
import { Component, type ReactNode } from 'react'

/** A calm message and a way back instead of a blank window. Everything saved is still in the database. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null }

  static getDerivedStateFromError(error: Error) {
    return { error }
  }

  override componentDidCatch(error: Error) {
    console.error('The workstation hit an unexpected error', error)
  }

  override render() {
    if (!this.state.error) return this.props.children
    return (
      <Box sx={{ p: 4, maxWidth: 720 }}>
        <Alert severity="error" action={<Button onClick={() => window.location.reload()}>Reload</Button>}>
          Something went wrong on this screen: {this.state.error.message}. Your saved work is safe on this
          computer; reload to continue.
        </Alert>
      </Box>
    )
  }
}
