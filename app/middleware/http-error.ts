/**
 * An error that maps to a status and to one of the GOV.UK error pages in `views/errors`.
 * `page` names the page; its copy lives in the `errors` locale namespace.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly page: string,
  ) {
    super(page)
  }
}
