// Section, tag and reporter pages: a heading, a paginated list, and the side blocks.
import type { ComponentChildren } from 'preact'
import { messages as m, msg } from '../../../platform/i18n/messages.js'
import { Layout } from '../../../platform/views/layout.js'
import type { SiteContext } from '../../../platform/views/site-context.js'
import { AdSlot, adSlotHtml } from '../../../platform/views/third-parties.js'
import type { ArticleCard, RankedLink } from '../article-views.js'
import { ArticleList, Pagination, Sidebar } from './blocks.js'

export interface ListPageProps {
  site: SiteContext
  title: string
  description: string
  path: string
  page: number
  perPage: number
  total: number
  articles: ArticleCard[]
  mostRead: { day: RankedLink[]; week: RankedLink[] }
  intro?: ComponentChildren
  activeSection?: number
  feed?: string
}

/** The list's ad slot goes after this many articles. */
const BETWEEN_AFTER = 5

export function ListPageView(props: ListPageProps) {
  const path = props.page > 1 ? `${props.path}?page=${props.page}` : props.path
  return (
    <Layout
      site={props.site}
      meta={{
        title: props.page > 1 ? `${props.title} (${msg(m.site.pageOf, { page: props.page })})` : props.title,
        description: props.description,
        path,
        head: props.feed ? (
          <link rel="alternate" type="application/rss+xml" title={props.title} href={props.feed} />
        ) : undefined,
      }}
      activeSection={props.activeSection}
    >
      <div class="home-layout">
        <div class="home-main">
          <h1 class="list-title">{props.title}</h1>
          {props.intro}
          <p class="list-count">{msg(m.lists.articleCount, { count: props.total })}</p>
          {props.site.outlet.ads?.slots.betweenList && props.articles.length > BETWEEN_AFTER ? (
            // The list is cut in two around the slot, so the ad is never an item of the list.
            <>
              <ArticleList
                articles={props.articles.slice(0, BETWEEN_AFTER)}
                headingLevel={2}
                showSection={!props.activeSection}
              />
              <AdSlot site={props.site} name="betweenList" section={props.activeSection} />
              <ArticleList
                articles={props.articles.slice(BETWEEN_AFTER)}
                headingLevel={2}
                showSection={!props.activeSection}
              />
            </>
          ) : (
            <ArticleList articles={props.articles} headingLevel={2} showSection={!props.activeSection} />
          )}
          <Pagination basePath={props.path} page={props.page} total={props.total} perPage={props.perPage} />
        </div>
        <Sidebar
          mostRead={props.mostRead}
          adHtml={adSlotHtml({ site: props.site, name: 'sidebar', section: props.activeSection })}
        />
      </div>
    </Layout>
  )
}
