import { z } from 'zod'
import { ActorSchema, IdSchema, TimestampSchema } from './primitives'

/**
 * A position on an image or PDF page as a fraction of its width and height (0 = left/top edge,
 * 1 = right/bottom edge) of the unrotated original, so a mark stays put at any zoom or rotation.
 */
const Fraction = z.number().min(0).max(1)

const AnnotationBase = z.object({
  id: IdSchema,
  caseId: IdSchema,
  evidenceId: IdSchema,
  createdAt: TimestampSchema,
  createdBy: ActorSchema,
})

/** Marks drawn on an image (page null) or on one page of a PDF (page 1, 2, ...). */
const OnPage = { page: z.number().int().min(1).nullable() }
const Box = { x: Fraction, y: Fraction, width: Fraction, height: Fraction }

export const RectangleAnnotationSchema = AnnotationBase.extend({
  kind: z.literal('rectangle'),
  ...OnPage,
  ...Box,
})
export const RedactionAnnotationSchema = AnnotationBase.extend({
  kind: z.literal('redaction'),
  ...OnPage,
  ...Box,
})
export const CalloutAnnotationSchema = AnnotationBase.extend({
  kind: z.literal('callout'),
  ...OnPage,
  ...Box,
  text: z.string().trim().min(1, 'a callout needs its text').max(500),
})
export const ArrowAnnotationSchema = AnnotationBase.extend({
  kind: z.literal('arrow'),
  ...OnPage,
  /** From the tail (x1, y1) to the head (x2, y2). */
  x1: Fraction,
  y1: Fraction,
  x2: Fraction,
  y2: Fraction,
})

/** Where a timestamped note sits: a moment of a recording, or one message of a transcript. */
export const NoteAnchorSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('media'),
    seconds: z
      .number()
      .min(0)
      .max(7 * 24 * 3600),
  }),
  z.object({
    kind: z.literal('message'),
    index: z.number().int().min(0),
    /** The message's own time as the transcript gives it, kept so the note reads without the file. */
    messageAt: z.string().max(60).nullable(),
  }),
])
export type NoteAnchor = z.infer<typeof NoteAnchorSchema>

export const TimestampedNoteSchema = AnnotationBase.extend({
  kind: z.literal('note'),
  anchor: NoteAnchorSchema,
  text: z.string().trim().min(1, 'a note cannot be empty').max(5_000),
})

/**
 * An analyst's mark on an evidence item, kept apart from the item's bytes so the original stays as
 * imported and verifiable. Redactions are drawn translucent in the viewer and burned in (solid) in
 * every rendering made for an export.
 */
export const EvidenceAnnotationSchema = z.discriminatedUnion('kind', [
  RectangleAnnotationSchema,
  RedactionAnnotationSchema,
  CalloutAnnotationSchema,
  ArrowAnnotationSchema,
  TimestampedNoteSchema,
])
export type EvidenceAnnotation = z.infer<typeof EvidenceAnnotationSchema>
export type AnnotationKind = EvidenceAnnotation['kind']
/** The marks drawn on an image or page (everything but timestamped notes). */
export type PageMark = Exclude<EvidenceAnnotation, { kind: 'note' }>
export type PageMarkKind = PageMark['kind']
export type TimestampedNote = Extract<EvidenceAnnotation, { kind: 'note' }>

export const ANNOTATION_KIND_LABELS: Record<AnnotationKind, string> = {
  rectangle: 'Rectangle',
  arrow: 'Arrow',
  callout: 'Text callout',
  redaction: 'Redaction',
  note: 'Timestamped note',
}

export function isPageMark(annotation: EvidenceAnnotation): annotation is PageMark {
  return annotation.kind !== 'note'
}

/** "0:07", "12:04", "1:02:09": how players show a position. */
export function formatMediaPosition(seconds: number): string {
  const whole = Math.floor(seconds)
  const hours = Math.floor(whole / 3600)
  const minutes = Math.floor((whole % 3600) / 60)
  const rest = String(whole % 60).padStart(2, '0')
  return hours ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`
}

/** How the custody log and the audit name one annotation, e.g. "redaction on page 2". */
export function describeAnnotation(annotation: EvidenceAnnotation): string {
  const label = ANNOTATION_KIND_LABELS[annotation.kind].toLowerCase()
  if (annotation.kind === 'note') {
    const where =
      annotation.anchor.kind === 'media'
        ? `at ${formatMediaPosition(annotation.anchor.seconds)}`
        : `on message ${annotation.anchor.index + 1}${annotation.anchor.messageAt ? ` (${annotation.anchor.messageAt})` : ''}`
    return `${label} ${where}: "${annotation.text.slice(0, 80)}"`
  }
  const where = annotation.page === null ? 'on the image' : `on page ${annotation.page}`
  return annotation.kind === 'callout'
    ? `${label} ${where}: "${annotation.text.slice(0, 80)}"`
    : `${label} ${where}`
}
