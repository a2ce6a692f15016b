import { repositories } from '@db/instance'
import type { NewAnnotation } from '@db/repositories/annotations'
import type { Actor } from '@shared/domain'
import { attempt } from '@ui/notices'

/** Stores a new mark or note; a refusal is shown as a notice. True when stored. */
export async function addAnnotation(mark: NewAnnotation, analyst: Actor): Promise<boolean> {
  const stored = await attempt(async () => {
    await repositories.annotations.add(mark, analyst)
    return true
  })
  return stored === true
}
