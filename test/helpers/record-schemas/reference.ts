/** The stored, canonical shape of a reference (`DBS-4KX7-93TQ`, as the app writes it): for record checks. */
export const REFERENCE_SHAPE = /^[A-Z]{3}-[0-9A-Z]{4}-[0-9A-Z]{4}$/
