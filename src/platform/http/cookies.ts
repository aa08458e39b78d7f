/** Cookie names. A request carrying a session cookie is never served from the shared page cache. */
export const READER_SESSION_COOKIE = 'sid'
export const STAFF_SESSION_COOKIE = 'nsid'

export function hasSessionCookie(cookieHeader: string | undefined): boolean {
  if (!cookieHeader) return false
  return (
    cookieHeader.includes(`${READER_SESSION_COOKIE}=`) || cookieHeader.includes(`${STAFF_SESSION_COOKIE}=`)
  )
}
