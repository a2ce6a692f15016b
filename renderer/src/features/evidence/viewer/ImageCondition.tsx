import { Alert } from '@mui/material'
import type { Evidence } from '@shared/domain'
import { damageSentence } from '@shared/formats/evidence/image-damage'

const WHAT_IT_MEANS = {
  incomplete: 'The rest of the picture is not in this file: the viewer leaves it grey or empty.',
  damaged: 'Parts of the picture may be wrong or missing.',
} as const

/**
 * What the image check found, above the picture, in the one sentence every view uses; and when the
 * viewer cannot draw the file at all, why — a damaged file, or a format this workstation has no
 * decoder for (the check then says whether the file itself is whole).
 */
export function ImageCondition({ item, undrawable }: { item: Evidence; undrawable: boolean }) {
  const unchanged = 'Its SHA-256 and custody record are unaffected, and "Save a copy…" exports it as it is.'
  if (item.damage)
    return (
      <Alert severity="warning" data-testid="image-condition">
        {damageSentence(item.damage)}{' '}
        {undrawable
          ? 'This image cannot be shown: nothing of it can be drawn.'
          : WHAT_IT_MEANS[item.damage.kind]}{' '}
        {unchanged}
      </Alert>
    )
  if (!undrawable) return null
  return (
    <Alert severity="info" data-testid="image-condition">
      {item.damage === null
        ? `This workstation cannot draw ${item.detectedType}, but the image check found the file whole.`
        : `This image cannot be shown: its bytes do not decode as ${item.detectedType}.`}{' '}
      {unchanged}
    </Alert>
  )
}
