// One error type for everything a user may be told about: a stable code, an HTTP status,
// a message safe to show, public details; the cause is for the logs only.
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options)
    this.name = 'AppError'
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', 404, `${what} not found`, { what })
