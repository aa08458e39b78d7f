// The statistics screens: the most read articles of a day (per section) with the CSV export,
// and one article's views by hour, by day and by where readers came from.

import { msg } from '../../../platform/i18n/messages.js'
import type { ArticleViewStats, SectionRef, TopArticle } from '../../articles/index.js'
import { type Frame, NewsroomLayout } from '../views/layout.js'
import { statsMessages as sm } from './stats.messages.js'

const number = (n: number) => n.toLocaleString('ko-KR')

export function TopArticlesView(props: {
  frame: Frame
  day: string
  sectionId: number | null
  sections: SectionRef[]
  top: TopArticle[]
  maxExportDays: number
  error?: string | null
}) {
  const sectionName = new Map(props.sections.map((s) => [s.id, s.name]))
  return (
    <NewsroomLayout frame={props.frame} title={sm.title} error={props.error}>
      <form method="get" action="/newsroom/stats" class="stats-filter">
        <label>
          {sm.day} <input type="date" name="day" value={props.day} required />
        </label>
        <label>
          {sm.section}{' '}
          <select name="section">
            <option value="">{sm.allSections}</option>
            {props.sections.map((s) => (
              <option value={String(s.id)} selected={s.id === props.sectionId}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{sm.show}</button>
      </form>
      <p class="hint">{sm.countingNote}</p>
      {props.top.length === 0 ? (
        <p>{sm.none}</p>
      ) : (
        <table class="stats-table">
          <thead>
            <tr>
              <th scope="col">{sm.rank}</th>
              <th scope="col">{sm.headline}</th>
              <th scope="col">{sm.section}</th>
              <th scope="col">{sm.views}</th>
            </tr>
          </thead>
          <tbody>
            {props.top.map((a, i) => (
              <tr>
                <td>{i + 1}</td>
                <td>
                  <a href={`/newsroom/articles/${a.id}/stats`}>{a.headline}</a>
                </td>
                <td class="section">{sectionName.get(a.sectionId) ?? ''}</td>
                <td class="num">{number(a.views)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{sm.exportTitle}</h2>
      <form method="get" action="/newsroom/stats.csv" class="stats-filter">
        <label>
          {sm.from} <input type="date" name="from" value={props.day} required />
        </label>
        <label>
          {sm.to} <input type="date" name="to" value={props.day} required />
        </label>
        <button type="submit">{sm.download}</button>
      </form>
      <p class="hint">{msg(sm.exportHint, { days: props.maxExportDays })}</p>
    </NewsroomLayout>
  )
}

/**
 * One bar per row, as wide as its share of the largest, newest first: readable without a chart
 * library. The bar is SVG because the newsroom's CSP allows no inline styles.
 */
function Bars(props: { caption: string; label: string; rows: { key: string; views: number }[] }) {
  const max = Math.max(1, ...props.rows.map((r) => r.views))
  return (
    <table class="stats-table bars">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{props.label}</th>
          <td />
          <th scope="col">{sm.views}</th>
        </tr>
      </thead>
      <tbody>
        {[...props.rows].reverse().map((r) => (
          <tr>
            <th scope="row">{r.key}</th>
            <td class="bar">
              <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                <rect width={Math.max(0.5, (r.views / max) * 100)} height="10" />
              </svg>
            </td>
            <td class="num">{number(r.views)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function ArticleStatsView(props: {
  frame: Frame
  id: number
  headline: string
  stats: ArticleViewStats
}) {
  const { stats } = props
  const sourceTotal = stats.bySource.reduce((n, s) => n + s.views, 0)
  return (
    <NewsroomLayout frame={props.frame} title={sm.articleTitle}>
      <p>
        <a href={`/newsroom/articles/${props.id}/edit`}>{props.headline}</a>
      </p>
      <p class="stats-total">{msg(sm.total, { n: number(stats.total) })}</p>
      <p class="hint">{sm.countingNote}</p>
      <table class="stats-table">
        <caption>{sm.bySource}</caption>
        <thead>
          <tr>
            <th scope="col">{sm.bySource}</th>
            <th scope="col">{sm.views}</th>
            <th scope="col">{sm.share}</th>
          </tr>
        </thead>
        <tbody>
          {stats.bySource.map((s) => (
            <tr>
              <th scope="row">{sm.sources[s.source]}</th>
              <td class="num">{number(s.views)}</td>
              <td class="num">{`${Math.round((s.views / Math.max(1, sourceTotal)) * 100)}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Bars
        caption={sm.byDay}
        label={sm.day}
        rows={stats.byDay.map((d) => ({ key: d.day, views: d.views }))}
      />
      <Bars
        caption={sm.byHour}
        label={sm.hour}
        rows={stats.byHour.map((h) => ({ key: h.hour, views: h.views }))}
      />
    </NewsroomLayout>
  )
}
