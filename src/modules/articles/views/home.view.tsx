// The home page: the top story, the latest news, a block per section, 많이 본 뉴스, 투데이포토.
import { messages as m, msg } from '../../../platform/i18n/messages.js'
import { Layout } from '../../../platform/views/layout.js'
import type { SiteContext } from '../../../platform/views/site-context.js'
import { Picture } from '../../media/index.js'
import { type ArticleCard, type RankedLink, type SectionRef, sectionUrl } from '../article-views.js'
import type { TodayPhoto } from '../today-photos.js'
import { ArticleList, Sidebar } from './blocks.js'

export interface HomeProps {
  site: SiteContext
  top: ArticleCard | null
  headlines: ArticleCard[]
  latest: ArticleCard[]
  sectionBlocks: { section: SectionRef; articles: ArticleCard[] }[]
  mostRead: { day: RankedLink[]; week: RankedLink[] }
  todayPhotos: TodayPhoto[]
}

export function HomeView(props: HomeProps) {
  const { site, top } = props
  return (
    <Layout
      site={site}
      meta={{ title: site.outlet.name, description: site.outlet.tagline || site.outlet.name, path: '/' }}
    >
      <h1 class="visually-hidden">{site.outlet.name}</h1>
      <div class="home-layout">
        <div class="home-main">
          {top && (
            <section class="top-story" aria-labelledby="top-story-title">
              <h2 class="visually-hidden" id="top-story-title">
                {m.home.topStory}
              </h2>
              <a href={top.url} class="top-link">
                {top.leadPhoto && (
                  <Picture
                    photo={top.leadPhoto}
                    sizes="(min-width: 760px) 720px, 100vw"
                    width={960}
                    eager
                    alt=""
                  />
                )}
                <span class="top-headline">{top.headline}</span>
              </a>
              {top.subheadline && <p class="top-sub">{top.subheadline}</p>}
              {props.headlines.length > 0 && (
                <ul class="top-more">
                  {props.headlines.map((a) => (
                    <li>
                      <a href={a.url}>{a.headline}</a>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}
          <section aria-labelledby="latest-title">
            <h2 id="latest-title">{m.home.latest}</h2>
            <ArticleList articles={props.latest} showSection />
          </section>
          {props.sectionBlocks.map(({ section, articles }) => (
            <section class="section-block" aria-labelledby={`sec-${section.slug}`}>
              <h2 id={`sec-${section.slug}`}>
                <a href={sectionUrl(section.slug)}>{section.name}</a>
              </h2>
              <ArticleList articles={articles} />
              <p class="more">
                <a href={sectionUrl(section.slug)}>{msg(m.home.sectionMore, { section: section.name })}</a>
              </p>
            </section>
          ))}
        </div>
        <Sidebar mostRead={props.mostRead} todayPhotos={props.todayPhotos} />
      </div>
    </Layout>
  )
}
