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
  const row = (feed: FeedLink) => (
    <tr>
      <th scope="row">{feed.name}</th>
      <td>
        <a href={feed.path} type="application/rss+xml">
          {site.publicUrl + feed.path}
        </a>
      </td>
    </tr>
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
        <table>
          <caption>{s.rssPageTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{s.rssPageFeedColumn}</th>
              <th scope="col">{s.rssPageAddressColumn}</th>
            </tr>
          </thead>
          <tbody>
            {row(props.all)}
            {props.sections.map(row)}
          </tbody>
        </table>
        <p>{s.rssPageNote}</p>
      </article>
    </Layout>
  )
}
