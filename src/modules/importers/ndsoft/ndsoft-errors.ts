// Why a page of an ndsoft site could not be imported. The importer never stores half an
// article: a page whose markup is not what it expects fails with what was missing.

export class NdsoftPageError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`)
  }
}

/** The markup does not hold a required part (another skin, or not an article page). */
export const markupMissing = (path: string, part: string) =>
  new NdsoftPageError(path, `no ${part} found in the page's markup (another skin? see ndsoft-selectors.ts)`)
