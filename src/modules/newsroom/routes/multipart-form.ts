// Reads a multipart form whose fields and files are named in advance; anything else is
// dropped. A file over the limit is reported, not half-read, so the form can say so.
import type { FastifyRequest } from 'fastify'

export interface MultipartForm {
  fields: Record<string, string>
  files: Record<string, Buffer>
  tooLarge: string[]
}

export async function readMultipartForm(
  request: FastifyRequest,
  allowed: { fields: readonly string[]; files: readonly string[]; maxFileBytes: number },
): Promise<MultipartForm> {
  const form: MultipartForm = { fields: {}, files: {}, tooLarge: [] }
  for await (const part of request.parts({
    limits: {
      fileSize: allowed.maxFileBytes,
      files: allowed.files.length,
      fields: allowed.fields.length + 2,
    },
  })) {
    if (part.type === 'file') {
      const data = await part.toBuffer()
      if (!allowed.files.includes(part.fieldname)) continue
      if (part.file.truncated) form.tooLarge.push(part.fieldname)
      else if (data.length > 0) form.files[part.fieldname] = data
    } else if (part.fieldname === '_csrf' || allowed.fields.includes(part.fieldname)) {
      form.fields[part.fieldname] = String(part.value)
    }
  }
  return form
}
