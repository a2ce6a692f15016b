import { useSyncExternalStore } from 'react'
import { useThemeStore } from './theme-store'

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)')

function subscribe(onChange: () => void): () => void {
  const query = darkQuery()
  query.addEventListener('change', onChange)
  return () => query.removeEventListener('change', onChange)
}

/** Light or dark: the analyst's choice, or the operating system's when they chose "System". */
export function useResolvedThemeMode(): 'light' | 'dark' {
  const preference = useThemeStore((state) => state.preference)
  const systemDark = useSyncExternalStore(subscribe, () => darkQuery().matches)
  if (preference === 'system') return systemDark ? 'dark' : 'light'
  return preference
}

/** The menu's "Toggle theme": flips to the opposite of what is on screen now. */
export function toggleTheme(current: 'light' | 'dark'): void {
  useThemeStore.getState().setPreference(current === 'dark' ? 'light' : 'dark')
}
