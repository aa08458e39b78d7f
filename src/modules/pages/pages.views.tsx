import { Layout } from '../../platform/views/layout.js'
import type { SiteContext } from '../../platform/views/site-context.js'
import type { ArticleDocument } from '../articles/index.js'
import { DocumentBody } from '../articles/index.js'

export function StaticPageView(props: {
  site: SiteContext
  slug: string
  title: string
  body: ArticleDocument
}) {
  return (
    <Layout site={props.site} meta={{ title: props.title, path: `/page/${props.slug}` }}>
      <article class="static-page article-body">
        <h1>{props.title}</h1>
        <DocumentBody doc={props.body} photos={new Map()} />
      </article>
    </Layout>
  )
}
