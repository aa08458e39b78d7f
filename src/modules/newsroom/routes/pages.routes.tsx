// Static pages (desk and admin): 회사소개, 이용약관, 개인정보처리방침 and the other footer pages.
// A save drops the page's cached copy at once (the pages service publishes its tag).
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { documentToText, textToDocument } from '../../pages/index.js'
import { sm } from '../settings.messages.js'
import { PageEditView, PagesListView } from '../views/pages.views.js'
import type { RouteContext } from './context.js'

const Slug = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,60}$/) })
const MAX_TEXT = 100_000

export function staticPagesRoutes(app: FastifyInstance, ctx: RouteContext) {
  const desk = ctx.guard('desk')
  const { pages } = ctx.deps

  app.get('/newsroom/pages', { preHandler: desk }, async (request, reply) => {
    const saved = (request.query as { done?: string }).done === 'saved'
    return ctx.page(
      reply,
      <PagesListView
        frame={await ctx.frame(request, reply)}
        pages={await pages.listTitles()}
        notice={saved ? sm.pages.saved : null}
      />,
    )
  })

  app.get('/newsroom/pages/:slug', { preHandler: desk }, async (request, reply) => {
    const { slug } = Slug.parse(request.params)
    const page = await pages.findPage(slug)
    if (!page) return reply.callNotFound()
    const saved = (request.query as { done?: string }).done === 'saved'
    return ctx.page(
      reply,
      <PageEditView
        frame={await ctx.frame(request, reply)}
        slug={slug}
        title={page.title}
        text={documentToText(page.body)}
        errors={{}}
        notice={saved ? sm.pages.saved : null}
      />,
    )
  })

  app.post('/newsroom/pages/:slug', { preHandler: [desk, app.csrfProtection] }, async (request, reply) => {
    const { slug } = Slug.parse(request.params)
    if (!(await pages.findPage(slug))) return reply.callNotFound()
    const raw = (request.body ?? {}) as { title?: unknown; body?: unknown }
    const title = String(raw.title ?? '').trim()
    const text = String(raw.body ?? '')
    const errors = {
      ...(title.length === 0 || title.length > 100 ? { title: sm.pages.titleRequired } : {}),
      ...(text.length > MAX_TEXT ? { body: sm.pages.bodyTooLong } : {}),
    }
    if (Object.keys(errors).length > 0) {
      return ctx.page(
        reply,
        <PageEditView
          frame={await ctx.frame(request, reply)}
          slug={slug}
          title={title}
          text={text}
          errors={errors}
        />,
        400,
      )
    }
    await pages.savePage(slug, title, textToDocument(text))
    return reply.redirect(`/newsroom/pages/${slug}?done=saved`, 303)
  })
}
