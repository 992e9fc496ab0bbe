import type { Request } from 'express'
import { z } from 'zod'
import { readInput } from '../../request-input'
import { LINK_TOKEN_SHAPE } from '../service/link-token'

/** A malformed token reads as no token, which every route answers as "not found", never looked up. */
const tokenParams = z.object({ token: z.string().regex(LINK_TOKEN_SHAPE).optional().catch(undefined) })

/** The emailed link's token from the path (`:token`), or undefined when it is not one the portal could have made. */
export const linkTokenOf = (req: Request): string | undefined => readInput(tokenParams, req.params).token
