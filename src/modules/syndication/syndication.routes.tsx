// Feeds, sitemaps and robots.txt. All are served from the page cache and filed under the tags
// of what they list, so a published or corrected article reaches them at once.
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import { tags } from '../../platform/cache/invalidation.js'
import type { Clock } from '../../platform/clock.js'
import { messages as m, msg } from '../../platform/i18n/messages.js'
import { renderPage } from '../../platform/views/render.js'
import { GENERATED_SHARE_IMAGE, type SiteContext } from '../../platform/views/site-context.js'
import type { FullArticle, PublishedArticles } from '../articles/index.js'
import { articleUrl, type SectionRef, sectionUrl } from '../articles/index.js'
import { photoUrl, renderShareCard, widthFor } from '../media/index.js'
import type { PagesService } from '../pages/index.js'
import { createEnclosures } from './enclosure.js'
import { robotsTxt } from './robots.js'
import { type RssChannel, renderRss } from './rss.js'
import { RssPageView } from './rss-page.view.js'
import {
  MAX_NEWS_URLS,
  MAX_URLS_PER_SITEMAP,
  renderNewsSitemap,
  renderSitemapIndex,
  renderUrlset,
} from './sitemap-xml.js'
import { syndicationMessages as s } from './syndication.messages.js'

export interface SyndicationRoutesDeps {
  articles: PublishedArticles
  sections: () => Promise<SectionRef[]>
  pages: Pick<PagesService, 'listPages'>
  site: () => Promise<SiteContext>
  clock: Clock
  mediaDir: string
  /** Items per feed. */
  feedSize?: number
  /** URLs per article sitemap; lowered by tests to exercise the split. */
  urlsPerSitemap?: number
}

const RSS = { contentType: 'application/rss+xml; charset=utf-8' }
const XML = { contentType: 'application/xml; charset=utf-8' }
const TEXT = { contentType: 'text/plain; charset=utf-8' }
const NEWS_WINDOW_MS = 48 * 3_600_000
/** Sitemap images use the largest size the share image uses. */
const SITEMAP_IMAGE_WIDTH = 1280

export const feedPath = (slug: string | null) => `/rss/${slug ?? 'all'}.xml`
export const articleSitemapPath = (n: number) => `/sitemaps/articles-${n}.xml`

export const syndicationRoutes =
  (deps: SyndicationRoutesDeps): FastifyPluginAsync =>
  async (app) => {
    const feedSize = deps.feedSize ?? 50
    const perSitemap = Math.min(deps.urlsPerSitemap ?? MAX_URLS_PER_SITEMAP, MAX_URLS_PER_SITEMAP)
    const enclosureFor = createEnclosures(deps.mediaDir)
    const articleSitemapCount = async () => Math.max(1, Math.ceil((await deps.articles.count()) / perSitemap))

    async function sendFeed(reply: FastifyReply, section: SectionRef | null) {
      const site = await deps.site()
      const { outlet, publicUrl } = site
      const articles = await deps.articles.newest(feedSize, section?.id)
      const items = await Promise.all(
        articles.map(async (article: FullArticle) => ({
          article,
          enclosure: article.leadPhoto ? await enclosureFor(article.leadPhoto) : null,
        })),
      )
      const channel: RssChannel = {
        title: section
          ? msg(s.sectionFeedTitle, { outlet: outlet.name, section: section.name })
          : msg(s.allFeedTitle, { outlet: outlet.name }),
        link: publicUrl + (section ? sectionUrl(section.slug) : '/'),
        description: section
          ? msg(s.sectionFeedDescription, { outlet: outlet.name, section: section.name })
          : msg(s.allFeedDescription, { outlet: outlet.name }),
        copyright: msg(m.site.copyright, { holder: outlet.copyrightHolder || outlet.name }),
        self: publicUrl + feedPath(section?.slug ?? null),
        logo: outlet.logoUrl ? absoluteUrl(publicUrl, outlet.logoUrl) : null,
      }
      const reporterTags = new Set(articles.flatMap((a) => a.reporters.map((r) => tags.reporter(r.id))))
      return reply.sendPage(renderRss(channel, items, publicUrl), [
        tags.latest,
        tags.outlet,
        ...(section ? [tags.section(section.id)] : []),
        ...reporterTags,
      ])
    }

    app.get('/rss/:file', { config: { pageCache: RSS } }, async (request, reply) => {
      const slug = /^([\w-]+)\.xml$/.exec((request.params as { file: string }).file)?.[1]
      if (!slug) return reply.callNotFound()
      if (slug === 'all') return sendFeed(reply, null)
      const section = (await deps.sections()).find((x) => x.slug === slug)
      return section ? sendFeed(reply, section) : reply.callNotFound()
    })

    app.get('/rss', { config: { pageCache: {} } }, async (_request, reply) => {
      const site = await deps.site()
      const html = renderPage(
        <RssPageView
          site={site}
          all={{ name: s.rssPageAll, path: feedPath(null) }}
          sections={site.sections.map((x) => ({ name: x.name, path: feedPath(x.slug) }))}
        />,
      )
      return reply.sendPage(html, [tags.outlet, ...site.sections.map((x) => tags.section(x.id))])
    })

    app.get('/sitemap.xml', { config: { pageCache: XML } }, async (_request, reply) => {
      const { publicUrl } = await deps.site()
      const files = await articleSitemapCount()
      const paths = [
        '/sitemaps/sections.xml',
        '/sitemaps/news.xml',
        ...Array.from({ length: files }, (_, i) => articleSitemapPath(i + 1)),
      ]
      return reply.sendPage(renderSitemapIndex(paths.map((p) => ({ loc: publicUrl + p }))), [
        tags.latest,
        tags.outlet,
      ])
    })

    app.get('/sitemaps/:file', { config: { pageCache: XML } }, async (request, reply) => {
      const file = (request.params as { file: string }).file
      const { publicUrl, outlet } = await deps.site()

      if (file === 'sections.xml') {
        const [sections, pages] = await Promise.all([deps.sections(), deps.pages.listPages()])
        const urls = [
          { loc: `${publicUrl}/` },
          ...sections.map((x) => ({ loc: publicUrl + sectionUrl(x.slug) })),
          ...pages.map((p) => ({
            loc: `${publicUrl}/page/${encodeURIComponent(p.slug)}`,
            lastmod: p.updatedAt,
          })),
        ]
        return reply.sendPage(renderUrlset(urls), [
          tags.outlet,
          ...sections.map((x) => tags.section(x.id)),
          ...pages.map((p) => tags.page(p.slug)),
        ])
      }

      if (file === 'news.xml') {
        const since = new Date(deps.clock.now().getTime() - NEWS_WINDOW_MS).toISOString()
        const rows = await deps.articles.publishedSince(since, MAX_NEWS_URLS)
        const urls = rows.map((r) => ({
          loc: publicUrl + articleUrl(r.id),
          title: r.headline,
          publishedAt: r.publishedAt ?? since,
        }))
        return reply.sendPage(renderNewsSitemap(urls, { name: outlet.name, language: 'ko' }), [
          tags.latest,
          tags.outlet,
        ])
      }

      const n = Number(/^articles-([1-9]\d{0,5})\.xml$/.exec(file)?.[1] ?? 0)
      if (n === 0 || n > (await articleSitemapCount())) return reply.callNotFound()
      const stamps = await deps.articles.stamps(perSitemap, (n - 1) * perSitemap)
      const urls = stamps.map((a) => ({
        loc: publicUrl + articleUrl(a.id),
        lastmod: a.modifiedAt ?? a.publishedAt,
        image: a.leadPhoto
          ? publicUrl + photoUrl(a.leadPhoto, widthFor(a.leadPhoto, SITEMAP_IMAGE_WIDTH), 'jpg')
          : null,
      }))
      return reply.sendPage(renderUrlset(urls), [tags.latest, tags.outlet])
    })

    // The default share image of an outlet that uploaded none, made once per name and tagline.
    let card: { key: string; image: Promise<Buffer> } | null = null
    app.get(GENERATED_SHARE_IMAGE.url, async (_request, reply) => {
      const { outlet } = await deps.site()
      const key = `${outlet.name}\n${outlet.tagline}`
      if (card?.key !== key) card = { key, image: renderShareCard(outlet) }
      return reply
        .header('cache-control', 'public, max-age=3600')
        .type('image/jpeg')
        .send(await card.image)
    })

    app.get('/robots.txt', { config: { pageCache: TEXT } }, async (_request, reply) => {
      const { publicUrl } = await deps.site()
      return reply.sendPage(robotsTxt(publicUrl), [tags.outlet])
    })
  }

const absoluteUrl = (publicUrl: string, url: string) => (/^https?:\/\//i.test(url) ? url : publicUrl + url)
