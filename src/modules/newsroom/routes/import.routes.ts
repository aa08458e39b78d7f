// A press release file (DOCX, HWPX) becomes a new draft of the reporter's; the editor's script
// sends a file dropped on it here and then opens the draft. A refused file changes nothing.
import type { FastifyInstance } from 'fastify'
import { PressReleaseError, pressReleaseDraft } from '../../importers/index.js'
import { newsroomErrors } from '../newsroom.errors.js'
import { staffOf } from '../newsroom.guard.js'
import { nm } from '../newsroom.messages.js'
import type { RouteContext } from './context.js'

const MAX_FILE_BYTES = 20 * 1024 * 1024

export function importRoutes(app: FastifyInstance, ctx: RouteContext) {
  const { desk, media, readModel } = ctx.deps
  app.post(
    '/newsroom/articles/import',
    { preHandler: [ctx.guard('staff'), app.csrfProtection], config: { errorFormat: 'json' } },
    async (request, reply) => {
      const me = staffOf(request)
      let file: { name: string; data: Buffer } | undefined
      let sectionField = ''
      for await (const part of request.parts({ limits: { fileSize: MAX_FILE_BYTES, files: 1 } })) {
        if (part.type === 'file') {
          const data = await part.toBuffer()
          if (part.file.truncated) throw newsroomErrors.importFile('too-large', nm.importFile.tooLarge)
          file = { name: part.filename, data }
        } else if (part.fieldname === 'sectionId') sectionField = String(part.value)
      }
      if (!file || file.data.length === 0)
        throw newsroomErrors.importFile('unsupported', nm.importFile.unsupported)
      let draft: Awaited<ReturnType<typeof pressReleaseDraft>>
      try {
        draft = await pressReleaseDraft(file, async (data) => {
          try {
            return (await media.storePhoto(data, { uploadedBy: me.id })).id
          } catch {
            return null // an image sharp refuses: its place keeps any caption as text
          }
        })
      } catch (error) {
        if (!(error instanceof PressReleaseError)) throw error
        const messages = {
          'hwp-binary': nm.importFile.hwpBinary,
          unsupported: nm.importFile.unsupported,
          unreadable: nm.importFile.unreadable,
          empty: nm.importFile.empty,
        }
        throw newsroomErrors.importFile(error.problem, messages[error.problem])
      }
      const sections = await readModel.sections()
      const sectionId = sections.find((s) => String(s.id) === sectionField)?.id ?? sections[0]?.id
      if (!sectionId) throw newsroomErrors.importFile('unsupported', nm.importFile.failed)
      const id = await desk.createDraft({ ...draft, sectionId, reporterIds: [me.id] }, me.id)
      return reply
        .code(201)
        .header('cache-control', 'private, no-store')
        .send({ id, url: `/newsroom/articles/${id}/edit` })
    },
  )
}
