import { z } from 'zod'
import { REFERENCE_SHAPE } from './reference'
import { CHANNELS } from '../../../app/audit/service/record'

/** A stored audit event: who (citizen or staff), did what, to which reference, through which channel. */
export const auditEventRecordSchema = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  actor_type: z.enum(['citizen', 'staff']),
  actor_id: z.string().nullable(),
  action: z.string().regex(/^[a-z]+(-[a-z]+)*$/),
  reference: z.string().regex(REFERENCE_SHAPE).nullable(),
  channel: z.enum(CHANNELS),
})
