import type { PageMarkKind } from '@shared/domain'
import { create } from 'zustand'

/** "inspect" pans and zooms; the others draw that kind of mark with the next drag. */
export type AnnotationTool = 'inspect' | PageMarkKind

/** Which annotation tool is in hand. UI state only: the marks themselves are in the database. */
export const useAnnotationTool = create<{ tool: AnnotationTool; setTool(tool: AnnotationTool): void }>()(
  (set) => ({
    tool: 'inspect',
    setTool: (tool) => set({ tool }),
  }),
)
