// The redirect table: old addresses of a site that moved in and where each page now lives.
export interface RedirectsTable {
  /** The normalized key of the old address (old-address.ts). */
  oldPath: string
  target: string
  /** `ndsoft:<site>`, `wordpress:<site>` or `admin`. */
  origin: string
  createdAt: string
}
