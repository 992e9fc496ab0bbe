import { z } from 'zod'

/** A stored audit event: who (citizen or staff), did what, to which reference, through which channel. */
export const auditEventRecordSchema = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  actor_type: z.enum(['citizen', 'staff']),
  actor_id: z.string().nullable(),
  action: z.string().regex(/^[a-z]+(-[a-z]+)*$/),
  reference: z
    .string()
    .regex(/^[A-Z]{3}-[0-9A-Z]{4}-[0-9A-Z]{4}$/)
    .nullable(),
  channel: z.enum(['online', 'assisted']),
})
