// The article editor page: the fields and side panels are plain server-rendered HTML; the
// body editor (TipTap), autosave, photo upload, library and related-article search are
// added by editor.ts. The desk's forms (반려, 승인·예약, 철회) sit beside it.

import { msg } from '../../../platform/i18n/messages.js'
import type { ArticleDocument, ArticleRow, SectionRef } from '../../articles/index.js'
import type { StaffMember } from '../../staff/index.js'
import type { CheckResult } from '../checks/publish-checks.js'
import { nm, saveErrors } from '../newsroom.messages.js'
import type { photoJson } from '../routes/photos.routes.js'
import { statsMessages } from '../stats/stats.messages.js'
import { ChecksPanel } from './checks.view.js'
import { Csrf, type Frame, NewsroomLayout } from './layout.js'

type PhotoJson = ReturnType<typeof photoJson>

export function EditorView(props: {
  frame: Frame
  script: string
  staff: StaffMember
  article: ArticleRow
  body: ArticleDocument
  reporterIds: number[]
  tags: string[]
  related: { id: number; headline: string }[]
  sections: SectionRef[]
  bylines: { id: number; name: string }[]
  photos: PhotoJson[]
  canSubmit: boolean
  /** 초안 삭제: a draft that never went out, by its reporter or the desk. */
  canDelete?: boolean
  canDesk: boolean
  checks: CheckResult | null
  notice: string | null
}) {
  const a = props.article
  const published = a.status === 'published'
  const lead = props.photos.find((p) => p.id === a.leadPhotoId) ?? null
  // Everything the script needs, in one escaped attribute (never inline script).
  const data = {
    id: a.id,
    status: a.status,
    body: props.body,
    photos: props.photos,
    messages: {
      ...nm.editor,
      importWorking: nm.importFile.working,
      importFailed: nm.importFile.failed,
      bodyEmpty: saveErrors.bodyEmpty,
    },
  }
  return (
    <NewsroomLayout
      frame={props.frame}
      title={`${nm.editor.title} · ${nm.status[a.status]}`}
      notice={props.notice}
      scripts={[props.script]}
      wide
    >
      {a.status === 'returned' && a.deskNote && (
        <aside class="desk-note" aria-label={nm.editor.deskNote}>
          <strong>{nm.editor.deskNote}</strong> {a.deskNote}
        </aside>
      )}
      {published && <p class="notice">{nm.editor.publishedNotice}</p>}
      <div class="editor-layout">
        <form
          id="article-form"
          class="stack"
          data-article={JSON.stringify(data)}
          data-csrf={props.frame.csrf}
          data-save-url={`/newsroom/articles/${a.id}`}
        >
          <label>
            {nm.editor.headline}
            <input id="headline" name="headline" required maxLength={200} value={a.headline} />
          </label>
          <label>
            {nm.editor.subheadline}
            <textarea id="subheadline" name="subheadline" rows={2} maxLength={400}>
              {a.subheadline}
            </textarea>
          </label>
          <div class="toolbar" role="toolbar" aria-label={nm.editor.toolbar}>
            {(
              [
                ['bold', nm.editor.bold],
                ['italic', nm.editor.italic],
                ['h2', nm.editor.h2],
                ['h3', nm.editor.h3],
                ['quote', nm.editor.quote],
                ['bulletList', nm.editor.bulletList],
                ['orderedList', nm.editor.orderedList],
                ['link', nm.editor.link],
                ['youtube', nm.editor.youtube],
                ['undo', nm.editor.undo],
                ['redo', nm.editor.redo],
              ] as const
            ).map(([cmd, label]) => (
              <button type="button" data-cmd={cmd}>
                {label}
              </button>
            ))}
          </div>
          <div id="body-editor" class="body-editor" data-label={nm.editor.body} />
          <p id="char-count" class="hint" aria-live="polite" />
          {published && (
            <label>
              {nm.editor.correctionNote}
              <input
                id="correction-note"
                name="correctionNote"
                maxLength={500}
                value={a.correctionNote ?? ''}
              />
            </label>
          )}
          <div class="save-row">
            <button type="submit" id="save-button">
              {published ? nm.editor.saveCorrection : nm.editor.save}
            </button>
            <span id="save-status" role="status" aria-live="polite" />
          </div>
        </form>

        <aside class="side stack">
          <label>
            {nm.editor.section}
            <select id="section" name="sectionId" form="article-form">
              {props.sections.map((s) => (
                <option value={String(s.id)} selected={s.id === a.sectionId}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <fieldset id="article-reporters">
            <legend>{nm.editor.reporters}</legend>
            {props.bylines.map((b) => (
              <label class="check">
                <input
                  type="checkbox"
                  name="reporterIds"
                  form="article-form"
                  value={String(b.id)}
                  checked={props.reporterIds.includes(b.id)}
                />{' '}
                {b.name}
              </label>
            ))}
            <label class="check">
              <input
                type="checkbox"
                id="unsigned"
                name="unsigned"
                form="article-form"
                checked={props.reporterIds.length === 0}
              />{' '}
              {nm.editor.unsigned}
            </label>
          </fieldset>
          <label>
            {nm.editor.tags}
            <input id="tags" name="tags" form="article-form" value={props.tags.join(', ')} />
          </label>

          <fieldset id="lead-photo" data-photo-id={a.leadPhotoId ? String(a.leadPhotoId) : ''}>
            <legend>{nm.editor.leadPhoto}</legend>
            <p id="lead-photo-current">{lead ? lead.caption || `#${lead.id}` : nm.editor.leadPhotoNone}</p>
            <div
              id="lead-focus"
              class="focus-picker"
              hidden={!lead}
              data-photo-id={lead ? String(lead.id) : ''}
              data-focus={lead?.focus ? JSON.stringify(lead.focus) : ''}
            >
              <p class="hint" id="lead-focus-hint">
                {nm.editor.focusHint}
              </p>
              <button type="button" class="focus-area" aria-describedby="lead-focus-hint">
                <img src={lead?.url ?? ''} alt={nm.editor.focusLabel} />
                <span class="focus-mark" aria-hidden="true" />
              </button>
              <p class="hint" role="status" aria-live="polite" />
            </div>
            <button type="button" id="lead-photo-clear">
              {nm.editor.leadPhotoClear}
            </button>
          </fieldset>

          <fieldset id="photo-panel">
            <legend>{nm.editor.photoPanel}</legend>
            <label>
              {nm.editor.photoFile}
              <input
                type="file"
                id="photo-file"
                accept="image/jpeg,image/png,image/webp,image/avif,image/gif"
              />
            </label>
            <label>
              {nm.editor.caption}
              <input id="photo-caption" maxLength={1000} />
            </label>
            <label>
              {nm.editor.credit}
              <input id="photo-credit" maxLength={200} />
            </label>
            <label>
              {nm.editor.alt}
              <input id="photo-alt" maxLength={500} />
            </label>
            <label class="check">
              <input type="checkbox" id="photo-as-lead" /> {nm.editor.leadPhotoUse}
            </label>
            <button type="button" id="photo-upload">
              {nm.editor.upload}
            </button>
            <p id="photo-status" role="status" aria-live="polite" />
          </fieldset>

          <fieldset id="photo-library">
            <legend>{nm.editor.library}</legend>
            <input
              type="search"
              id="library-q"
              aria-label={nm.editor.librarySearch}
              placeholder={nm.editor.librarySearch}
            />
            <ul id="library-results" class="library" />
          </fieldset>

          <fieldset id="related">
            <legend>{nm.editor.related}</legend>
            <ul id="related-chosen">
              {props.related.map((r) => (
                <li data-id={String(r.id)}>
                  <span>{r.headline}</span>{' '}
                  <button type="button" class="related-remove">
                    {nm.editor.relatedRemove}
                  </button>
                </li>
              ))}
            </ul>
            <input
              type="search"
              id="related-q"
              aria-label={nm.editor.relatedSearch}
              placeholder={nm.editor.relatedSearch}
            />
            <ul id="related-results" />
          </fieldset>

          <p>
            <a href={`/newsroom/articles/${a.id}/preview`} target="_blank" rel="noopener">
              {nm.list.preview}
            </a>{' '}
            <a href={`/newsroom/articles/${a.id}/history`}>{nm.list.history}</a>
            {a.publishedAt && (
              <>
                {' '}
                <a href={`/newsroom/articles/${a.id}/stats`}>{statsMessages.articleStatsLink}</a>
              </>
            )}
          </p>

          {props.checks && a.status !== 'withdrawn' && <ChecksPanel articleId={a.id} result={props.checks} />}

          <fieldset class="import-file">
            <legend>{nm.importFile.label}</legend>
            <input type="file" id="import-file" accept=".docx,.hwpx,.hwp" aria-describedby="import-status" />
            <p class="hint">{nm.importFile.drop}</p>
            <p id="import-status" role="status" aria-live="polite" />
          </fieldset>

          {(props.canSubmit || props.canDesk) && (
            // On a phone this bar stays at the bottom of the screen: 출고 요청, or a jump to the
            // desk's actions, is one tap away wherever the reporter or editor is in the form.
            <div class="action-bar">
              {props.canSubmit && (
                <form method="post" action={`/newsroom/articles/${a.id}/submit`} id="submit-form">
                  <Csrf token={props.frame.csrf} />
                  <button type="submit">{nm.editor.submit}</button>
                </form>
              )}
              {props.canDesk && (
                <a href="#desk-title" class="desk-jump">
                  {nm.desk.panel}
                </a>
              )}
            </div>
          )}

          {props.canDesk && <DeskPanel frame={props.frame} article={a} />}

          {props.canDelete && (
            <details class="withdraw delete-draft">
              <summary>{nm.editor.deleteDraft}</summary>
              <form method="post" action={`/newsroom/articles/${a.id}/delete`} class="stack" id="delete-form">
                <Csrf token={props.frame.csrf} />
                <label class="check">
                  <input type="checkbox" name="confirm" value="yes" required /> {nm.editor.deleteConfirm}
                </label>
                <button type="submit" class="danger">
                  {nm.editor.deleteDraft}
                </button>
              </form>
            </details>
          )}
        </aside>
      </div>
    </NewsroomLayout>
  )
}

function DeskPanel(props: { frame: Frame; article: ArticleRow }) {
  const a = props.article
  const open = ['draft', 'submitted', 'returned', 'scheduled'].includes(a.status)
  return (
    <section class="desk-panel stack" aria-labelledby="desk-title">
      <h2 id="desk-title">{nm.desk.panel}</h2>
      {a.status === 'submitted' && (
        <form
          method="post"
          action={`/newsroom/articles/${a.id}/return`}
          class="stack desk-form"
          id="return-form"
        >
          <Csrf token={props.frame.csrf} />
          <label>
            {nm.desk.returnNote}
            <textarea name="note" rows={3} required maxLength={2000} />
          </label>
          <button type="submit">{nm.desk.returnSubmit}</button>
        </form>
      )}
      {open && (
        <form
          method="post"
          action={`/newsroom/articles/${a.id}/approve`}
          class="stack desk-form"
          id="approve-form"
        >
          <Csrf token={props.frame.csrf} />
          <label>
            {nm.desk.grade}
            <select name="grade">
              {(['normal', 'important', 'headline'] as const).map((g) => (
                <option value={g} selected={a.grade === g}>
                  {nm.grades[g]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {nm.desk.publishAt}
            <input type="datetime-local" name="publishAt" />
          </label>
          <button type="submit">{nm.desk.approve}</button>
        </form>
      )}
      {a.status !== 'withdrawn' && (
        <details class="withdraw">
          <summary>{nm.desk.withdraw}</summary>
          <form
            method="post"
            action={`/newsroom/articles/${a.id}/withdraw`}
            class="stack desk-form"
            id="withdraw-form"
          >
            <Csrf token={props.frame.csrf} />
            <label>
              {nm.desk.withdrawReason}
              <input name="reason" required maxLength={2000} />
            </label>
            <label class="check">
              <input type="checkbox" name="confirm" value="yes" required /> {nm.desk.withdrawConfirm}
            </label>
            <button type="submit" class="danger">
              {nm.desk.withdraw}
            </button>
          </form>
        </details>
      )}
      {a.status === 'withdrawn' && (
        <form
          method="post"
          action={`/newsroom/articles/${a.id}/restore`}
          class="stack desk-form"
          id="restore-form"
        >
          <Csrf token={props.frame.csrf} />
          <p role="status">{msg(nm.desk.withdrawnInfo, { reason: a.withdrawnReason ?? '' })}</p>
          <button type="submit">{nm.desk.restore}</button>
        </form>
      )}
    </section>
  )
}
