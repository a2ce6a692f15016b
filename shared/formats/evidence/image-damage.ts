import type { EvidenceDamage } from '../../domain'

/**
 * What an image check found: the damage (null for none) and whether a decoder drew the picture, or
 * only its file structure could be read (a format this workstation cannot decode, such as HEIC).
 */
export interface ImageCheck {
  damage: EvidenceDamage | null
  decoded: boolean
}

/** "This image is incomplete: the file ends after 16 of 48 rows." — the sentence every view shows. */
export function damageSentence(damage: EvidenceDamage): string {
  return `This image is ${damage.kind}: ${damage.detail}.`
}

/** The finding as a custody line records it: "image check: INCOMPLETE — the file ends after …". */
export function imageCheckFinding(check: ImageCheck, detectedType: string): string {
  if (check.damage) return `image check: ${check.damage.kind.toUpperCase()} — ${check.damage.detail}`
  return check.decoded
    ? 'image check: the picture is complete and decodes'
    : `image check: the file's structure is complete (this workstation has no decoder for ${detectedType})`
}

/** Thousands separated, as every count in a finding is written. */
export const count = (value: number) => value.toLocaleString('en-US')
