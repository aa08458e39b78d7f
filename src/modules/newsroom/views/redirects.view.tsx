// 옛 주소 연결: the table of old addresses (a site that moved in) as a CSV to download, edit in
// a spreadsheet and upload again.
import { msg } from '../../../platform/i18n/messages.js'
import { nm } from '../newsroom.messages.js'
import { Csrf, type Frame, NewsroomLayout } from './layout.js'

export function RedirectsView(props: {
  frame: Frame
  count: number
  result: { saved: number; refusedLines: number[] } | null
}) {
  const r = props.result
  const notice = r ? msg(nm.redirects.saved, { count: r.saved }) : null
  const error =
    r && r.refusedLines.length > 0
      ? msg(nm.redirects.refused, { lines: r.refusedLines.join(', ') })
      : undefined
  return (
    <NewsroomLayout frame={props.frame} title={nm.redirects.title} notice={notice} error={error}>
      <p>{nm.redirects.help}</p>
      <p>{msg(nm.redirects.count, { count: props.count })}</p>
      <p>
        <a href="/newsroom/redirects.csv" download="redirects.csv">
          {nm.redirects.download}
        </a>
      </p>
      <form method="post" action="/newsroom/redirects" enctype="multipart/form-data" class="stack">
        <Csrf token={props.frame.csrf} />
        <label>
          {nm.redirects.file}
          <input type="file" name="file" accept=".csv,text/csv" required />
        </label>
        <button type="submit">{nm.redirects.upload}</button>
      </form>
    </NewsroomLayout>
  )
}
