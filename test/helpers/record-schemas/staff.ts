import { z } from 'zod'
import { looksLikeEmail, normaliseEmail } from '../../../app/staff/service/accounts'
import { ROLES } from '../../../app/staff/roles'

/**
 * A stored staff account: a normalised email, a role the app knows and a self-describing
 * scrypt hash (never a password). The hostile-input suite reads every account back through it.
 */
export const staffAccountRecordSchema = z.object({
  id: z.uuid(),
  email: z.string().refine((e) => looksLikeEmail(e) && normaliseEmail(e) === e, 'not a normalised email'),
  password_hash: z.string().regex(/^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/),
  role: z.enum(ROLES),
  created_at: z.iso.datetime(),
  // Sealed (app/staff/secret-box.ts), never the base32 secret an app would take.
  totp_secret: z
    .string()
    .regex(/^v1\.[\w-]+\.[\w-]+$/)
    .nullable(),
})
