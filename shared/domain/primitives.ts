import { IANAZone } from 'luxon'
import { z } from 'zod'

/** Entity ids are opaque strings (UUIDs when created here; imported bundles keep theirs). */
export const IdSchema = z.string().min(1).max(128)
export type Id = z.infer<typeof IdSchema>

/** Every timestamp is an ISO-8601 UTC string ("2026-03-01T14:05:00.000Z"): sortable as text, so Dexie indexes order it correctly. */
export const TimestampSchema = z.iso.datetime({ offset: false })
export type Timestamp = z.infer<typeof TimestampSchema>

export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 is 64 lowercase hex characters')

/** The analyst who did something: kept as id + display name so records stay readable after export. */
export const ActorSchema = z.object({
  id: z.string().min(1).max(128),
  name: z.string().min(1).max(200),
})
export type Actor = z.infer<typeof ActorSchema>

export const TagSchema = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[^\s,][^,]*$/, 'tags cannot contain commas')

/** An IANA time zone name (America/Chicago). */
export const TimeZoneSchema = z
  .string()
  .refine((zone) => IANAZone.isValidZone(zone), 'not a known time zone (use a name like America/Toronto)')
