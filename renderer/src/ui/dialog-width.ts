import type { Breakpoint } from '@mui/material/styles'

/** How wide a dialog is: a breakpoint it fills, or 'content' to fit what it holds (up to 'sm'). */
export type DialogWidth = Breakpoint | 'content'

/** The MUI Dialog props for a width. */
export const dialogSizeProps = (width: DialogWidth) =>
  width === 'content' ? { maxWidth: 'sm' as const, fullWidth: false } : { maxWidth: width, fullWidth: true }
