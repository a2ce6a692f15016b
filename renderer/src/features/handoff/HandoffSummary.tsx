import { Stack, Typography } from '@mui/material'
import { localTimeZone } from '@services/report-export/report-print-input'
import { handoffSections, type ShiftHandoff } from '@shared/rules/handoff/shift-handoff'

/** The handoff's summary, section by section, as the print and the text copy have it. */
export function HandoffSummary({ handoff }: { handoff: ShiftHandoff }) {
  return (
    <Stack spacing={1.5}>
      {handoffSections(handoff, localTimeZone()).map((section) => (
        <section key={section.heading} aria-label={section.heading}>
          <Typography variant="subtitle2" component="h3">
            {section.heading}
          </Typography>
          {section.lines.length === 0 ? (
            <Typography variant="body2" color="text.secondary">
              {section.empty}
            </Typography>
          ) : (
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {section.lines.map((line, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list; two lines may read the same
                <li key={index}>
                  <Typography variant="body2">{line}</Typography>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </Stack>
  )
}
