// Why a photo upload is refused. Every refusal is shown beside the upload button (a 400, or a
// 503 when too many photos are being processed); the article being edited is never touched.
import { type ErrorCatalogue, raise } from '../../platform/errors.js'
import { mediaMessages } from './media.messages.js'

const t = mediaMessages.errors

export const mediaErrorCatalogue = {
  notAnImage: { code: 'MEDIA_NOT_AN_IMAGE', status: 400, message: t.notImage },
  unsupportedFormat: { code: 'MEDIA_UNSUPPORTED_FORMAT', status: 400, message: t.unsupported },
  tooManyPixels: { code: 'MEDIA_TOO_MANY_PIXELS', status: 400, message: t.tooManyPixels },
  corrupt: { code: 'MEDIA_CORRUPT', status: 400, message: t.corrupt },
  tooLarge: { code: 'MEDIA_TOO_LARGE', status: 400, message: t.tooLarge },
  missing: { code: 'MEDIA_MISSING', status: 400, message: t.missing },
  /** A focal point outside the photo (the editor only sends fractions 0–1). */
  focusInvalid: { code: 'MEDIA_FOCUS_INVALID', status: 400, message: t.focusInvalid },
  busy: { code: 'MEDIA_BUSY', status: 503, message: t.busy },
} as const satisfies ErrorCatalogue

const c = mediaErrorCatalogue

export const mediaErrors = {
  notAnImage: (cause: unknown) => raise(c.notAnImage, {}, { cause }),
  unsupportedFormat: (format: string | null) => raise(c.unsupportedFormat, { format }),
  tooManyPixels: (details: Record<string, unknown> = {}, cause?: unknown) =>
    raise(c.tooManyPixels, details, { cause }),
  corrupt: (cause: unknown) => raise(c.corrupt, {}, { cause }),
  tooLarge: () => raise(c.tooLarge),
  missing: () => raise(c.missing),
  focusInvalid: () => raise(c.focusInvalid),
  busy: () => raise(c.busy),
}
