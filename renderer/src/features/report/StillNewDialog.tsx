import { ConfirmDialog } from '@ui/ConfirmDialog'

/**
 * Asked before a report of a case still in New is marked final: nobody has triaged or investigated
 * the case yet, and a final report is locked. The analyst may go ahead; the nudge is the point.
 */
export function StillNewDialog({ onCancel, onConfirm }: { onCancel(): void; onConfirm(): void }) {
  return (
    <ConfirmDialog
      title="This case is still New"
      cancelLabel="Keep it in review"
      confirmLabel="Mark final anyway"
      confirmColor="warning"
      width="xs"
      onCancel={onCancel}
      onConfirm={onConfirm}
    >
      Nobody has triaged or investigated it yet. A final report is locked, and usually follows the
      investigation and the determinations. Mark it final anyway?
    </ConfirmDialog>
  )
}
