// The home page, in the zones Korean news homes have: an optional 속보 ticker, the top story
// with its sub-stories, a row of major stories with photos, the latest news, 포토뉴스, a block
// per section (two or three columns on wide screens), 오피니언 with the columnists' photos and
// 많이 본 뉴스. Only the top story's photo loads eagerly; every other picture is lazy and sized.
import { messages as m, msg } from '../../../platform/i18n/messages.js'
import { Layout } from '../../../platform/views/layout.js'
import type { SiteContext } from '../../../platform/views/site-context.js'
import { Picture } from '../../media/index.js'
import { type ArticleCard, type ColumnCard, type SectionRef, sectionUrl } from '../article-views.js'
import type { HomeZones } from '../home-zones.js'
import { ArticleList, Sidebar } from './blocks.js'

/** The zones as home-zones.ts chose them, without what only the page cache needs. */
export interface HomeProps extends Omit<HomeZones, 'shownIds' | 'opinionSectionId'> {
  site: SiteContext
}

export function HomeView(props: HomeProps) {
  const { site, top } = props
  return (
    <Layout
      site={site}
      meta={{ title: site.outlet.name, description: site.outlet.tagline || site.outlet.name, path: '/' }}
    >
      <h1 class="visually-hidden">{site.outlet.name}</h1>
      {props.breaking && (
        <p class="breaking">
          <strong>{m.home.breaking}</strong>{' '}
          {props.breaking.url ? <a href={props.breaking.url}>{props.breaking.text}</a> : props.breaking.text}
        </p>
      )}
      {top ? <TopStory top={top} subs={props.subs} /> : <p class="empty">{m.lists.empty}</p>}
      {props.major.length > 0 && (
        <section class="major" aria-labelledby="major-title">
          <h2 class="visually-hidden" id="major-title">
            {m.home.major}
          </h2>
          <ul class="card-row">
            {props.major.map((a) => (
              <li>
                <a href={a.url}>
                  {a.leadPhoto && (
                    <Picture photo={a.leadPhoto} sizes="(min-width: 760px) 200px, 45vw" width={320} alt="" />
                  )}
                  <span>{a.headline}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <div class="home-layout">
        <div class="home-main">
          {props.latest.length > 0 && (
            <section aria-labelledby="latest-title">
              <h2 id="latest-title">{m.home.latest}</h2>
              <ArticleList articles={props.latest} showSection />
            </section>
          )}
          {props.photos.length > 0 && (
            <section class="photo-news" aria-labelledby="photo-news-title">
              <h2 id="photo-news-title">{m.home.photoNews}</h2>
              <ul class="card-row">
                {props.photos.map((p) => (
                  <li>
                    <a href={p.url}>
                      <Picture
                        photo={p.photo}
                        sizes="(min-width: 760px) 200px, 45vw"
                        width={320}
                        alt={p.photo.alt}
                      />
                      <span>{p.caption}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {props.sectionBlocks.length > 0 && (
            <div class="section-blocks">
              {props.sectionBlocks.map(({ section, articles }) => (
                <SectionBlock section={section} articles={articles} />
              ))}
            </div>
          )}
        </div>
        <div class="home-side">
          <Sidebar mostRead={props.mostRead} />
          {props.columns.length > 0 && <Opinion columns={props.columns} site={site} />}
        </div>
      </div>
    </Layout>
  )
}

function TopStory(props: { top: ArticleCard; subs: ArticleCard[] }) {
  const { top } = props
  return (
    <section class="top-story" aria-labelledby="top-story-title">
      <h2 class="visually-hidden" id="top-story-title">
        {m.home.topStory}
      </h2>
      {top.leadPhoto && (
        // Named by what the photo shows; the headline beside it is the story's main link.
        <a href={top.url} class="top-photo">
          <Picture
            photo={top.leadPhoto}
            sizes="(min-width: 760px) 640px, 100vw"
            width={960}
            eager
            alt={top.leadPhoto.alt || top.headline}
          />
        </a>
      )}
      <div class="top-text">
        <a href={top.url} class="top-link">
          <span class="top-headline">{top.headline}</span>
        </a>
        {top.subheadline && <p class="top-sub">{top.subheadline}</p>}
        {props.subs.length > 0 && (
          <ul class="top-more">
            {props.subs.map((a) => (
              <li>
                <a href={a.url}>{a.headline}</a>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  )
}

/** A section's block: its first article with a photo, the others as headlines. */
function SectionBlock(props: { section: SectionRef; articles: ArticleCard[] }) {
  const { section } = props
  const [first, ...rest] = props.articles
  return (
    <section class="section-block" aria-labelledby={`sec-${section.slug}`}>
      <h2 id={`sec-${section.slug}`}>
        <a href={sectionUrl(section.slug)}>{section.name}</a>
      </h2>
      {first && (
        <a href={first.url} class="block-lead">
          {first.leadPhoto && (
            <Picture photo={first.leadPhoto} sizes="(min-width: 760px) 260px, 112px" width={320} alt="" />
          )}
          <span>{first.headline}</span>
        </a>
      )}
      <ul>
        {rest.map((a) => (
          <li>
            <a href={a.url}>{a.headline}</a>
          </li>
        ))}
      </ul>
      <p class="more">
        <a href={sectionUrl(section.slug)}>{msg(m.home.sectionMore, { section: section.name })}</a>
      </p>
    </section>
  )
}

/** 오피니언: each piece with its columnist's photo, or their initial when there is none. */
function Opinion(props: { columns: ColumnCard[]; site: SiteContext }) {
  return (
    <section class="box opinion" aria-labelledby="opinion-title">
      <h2 id="opinion-title">{m.home.opinion}</h2>
      <ul>
        {props.columns.map((c) => (
          <li>
            <a href={c.url}>
              {c.columnist?.photo ? (
                <Picture photo={c.columnist.photo} sizes="56px" width={160} alt="" class="columnist" />
              ) : (
                <span class="columnist initial" aria-hidden="true">
                  {[...(c.columnist?.name ?? m.home.editorial)][0]}
                </span>
              )}
              <span class="column-title">{c.headline}</span>
              <span class="column-by">{c.columnist?.name ?? props.site.outlet.name}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  )
}
