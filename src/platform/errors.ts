// One error type for everything a user may be told about: a stable code, an HTTP status,
// a message safe to show, public details; the cause is for the logs only.
import { messages, msg } from './i18n/messages.js'

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

/**
 * One line of an error catalogue: the code and status a client may rely on, and the Korean
 * sentence a user sees, its `{placeholders}` filled from the error's details.
 */
export interface ErrorSpec {
  readonly code: string
  readonly status: number
  readonly message: string
}

/** A module's errors by name; `src/errors-catalogue.ts` gathers them all into docs/errors.md. */
export type ErrorCatalogue = Readonly<Record<string, ErrorSpec>>

export interface RaiseOptions {
  cause?: unknown
  /** A more precise Korean sentence than the catalogued one (which field, which rule). */
  message?: string
}

/** The AppError a catalogue line describes. */
export function raise(spec: ErrorSpec, details: Record<string, unknown> = {}, options: RaiseOptions = {}) {
  const text = options.message ?? msg(spec.message, details as Record<string, string | number>)
  return new AppError(spec.code, spec.status, text, details, { cause: options.cause })
}

const m = messages.errors

/** Errors of no particular module: the HTTP layer's refusals and the generic failure. */
export const platformErrors = {
  notFound: { code: 'NOT_FOUND', status: 404, message: m.notFound },
  validationFailed: { code: 'VALIDATION_FAILED', status: 400, message: m.validationFailed },
  badRequest: { code: 'BAD_REQUEST', status: 400, message: m.badRequest },
  csrfInvalid: { code: 'CSRF_INVALID', status: 403, message: m.csrfInvalid },
  rateLimited: { code: 'RATE_LIMITED', status: 429, message: m.rateLimited },
  payloadTooLarge: { code: 'PAYLOAD_TOO_LARGE', status: 413, message: m.payloadTooLarge },
  internal: { code: 'INTERNAL', status: 500, message: m.internal },
  unavailable: { code: 'SERVICE_UNAVAILABLE', status: 503, message: m.unavailable },
  storageFull: { code: 'STORAGE_FULL', status: 507, message: m.storageFull },
  busy: { code: 'BUSY', status: 503, message: m.busy },
} as const satisfies ErrorCatalogue

export const notFound = (what: string) => raise(platformErrors.notFound, { what })
