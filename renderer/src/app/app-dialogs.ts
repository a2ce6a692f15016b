import { create } from 'zustand'

interface AppDialogsState {
  aboutOpen: boolean
  shortcutsOpen: boolean
  paletteOpen: boolean
  setAboutOpen(open: boolean): void
  setShortcutsOpen(open: boolean): void
  setPaletteOpen(open: boolean): void
}

/** The frame's own dialogs (the features' dialogs keep their open state themselves). */
export const useAppDialogs = create<AppDialogsState>()((set) => ({
  aboutOpen: false,
  shortcutsOpen: false,
  paletteOpen: false,
  setAboutOpen: (aboutOpen) => set({ aboutOpen }),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
}))
