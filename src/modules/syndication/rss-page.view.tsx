// /rss: the page that lists the feeds, linked from every page's footer.
import { msg } from '../../platform/i18n/messages.js'
import { Layout } from '../../platform/views/layout.js'
import type { SiteContext } from '../../platform/views/site-context.js'
import { syndicationMessages as s } from './syndication.messages.js'

export interface FeedLink {
  name: string
  path: string
}

export function RssPageView(props: { site: SiteContext; all: FeedLink; sections: FeedLink[] }) {
  const { site } = props
  // A list, not a table: on a phone each feed is a row with its name over its address.
  const item = (feed: FeedLink) => (
    <li>
      <span class="feed-name">{feed.name}</span>
      <a class="feed-url" href={feed.path} type="application/rss+xml">
        {site.publicUrl + feed.path}
      </a>
    </li>
  )
  return (
    <Layout
      site={site}
      meta={{
        title: s.rssPageTitle,
        description: msg(s.allFeedDescription, { outlet: site.outlet.name }),
        path: '/rss',
      }}
    >
      <article class="static-page rss-page">
        <h1>{s.rssPageTitle}</h1>
        <p>{s.rssPageIntro}</p>
        <ul class="feed-list">
          {item(props.all)}
          {props.sections.map(item)}
        </ul>
        <p class="feed-note">{s.rssPageNote}</p>
      </article>
    </Layout>
  )
}
