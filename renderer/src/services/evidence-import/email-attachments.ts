import { parseEmail } from '@media/email'

/**
 * The files attached to an email, each as a file of its own (named after its position when it has
 * no name). An email that cannot be read has none.
 */
export async function emailAttachments(email: Blob): Promise<File[]> {
  const parsed = await parseEmail(email).catch(() => null)
  return (parsed?.attachments ?? []).map(
    (attachment, index) =>
      new File([attachment.content as BlobPart], attachment.filename || `attachment-${index + 1}`, {
        type: attachment.mimeType,
      }),
  )
}
