import { repositories } from '@db/instance'
import SearchIcon from '@mui/icons-material/Search'
import { InputAdornment, TextField } from '@mui/material'
import { SEARCH_INPUT_ID } from '@ui/focus-targets'
import { useWorkspaceUi } from '@workspace/workspace-store'
import { useEffect, useRef, useState } from 'react'

/** Filters the queue by case number, order id or title words; Enter on an exact case number opens it. */
export function SearchBox() {
  const setSearchText = useWorkspaceUi((state) => state.setSearchText)
  const selectCase = useWorkspaceUi((state) => state.selectCase)
  const [text, setText] = useState('')
  const timer = useRef<number | undefined>(undefined)

  useEffect(() => {
    window.clearTimeout(timer.current)
    timer.current = window.setTimeout(() => setSearchText(text), 150)
    return () => window.clearTimeout(timer.current)
  }, [text, setSearchText])

  return (
    <TextField
      id={SEARCH_INPUT_ID}
      placeholder="Search cases: number, order id or title"
      value={text}
      onChange={(event) => setText(event.target.value)}
      onKeyDown={async (event) => {
        if (event.key === 'Escape') {
          setText('')
          setSearchText('')
        } else if (event.key === 'Enter') {
          const exact = await repositories.cases.getByCaseNumber(text.trim().toUpperCase())
          if (exact) selectCase(exact.id)
        }
      }}
      slotProps={{
        htmlInput: { 'aria-label': 'Search cases', spellCheck: false },
        input: {
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon fontSize="small" />
            </InputAdornment>
          ),
        },
      }}
      sx={{ width: 380, bgcolor: 'background.paper', borderRadius: 1 }}
    />
  )
}
