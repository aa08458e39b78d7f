/**
 * Cookie names. A request carrying a session cookie is never served from the shared page cache.
 * On HTTPS they carry the `__Host-` prefix (session-cookie.ts), which these checks also match.
 */
export const READER_SESSION_COOKIE = 'sid'
export const STAFF_SESSION_COOKIE = 'nsid'

export function hasSessionCookie(cookieHeader: string | undefined): boolean {
  if (!cookieHeader) return false
  return (
    cookieHeader.includes(`${READER_SESSION_COOKIE}=`) || cookieHeader.includes(`${STAFF_SESSION_COOKIE}=`)
  )
}
