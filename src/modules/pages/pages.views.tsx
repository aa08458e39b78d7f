import { messages as m, msg } from '../../platform/i18n/messages.js'
import { Layout } from '../../platform/views/layout.js'
import type { SiteContext } from '../../platform/views/site-context.js'
import type { ArticleDocument } from '../articles/index.js'
import { DocumentBody } from '../articles/index.js'
import type { FieldErrors, TipInput } from './pages.schema.js'

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

export interface TipFormProps {
  site: SiteContext
  kind: 'tip' | 'correction'
  csrfToken: string
  values: Partial<Record<keyof TipInput, string>>
  errors: FieldErrors
  sent?: boolean
}

const errorText = (key: FieldErrors[keyof FieldErrors], max?: number) =>
  key === 'required'
    ? m.pages.required
    : key === 'tooLong'
      ? msg(m.pages.tooLong, { max: max ?? 0 })
      : key === 'attachmentTooLarge'
        ? m.pages.attachmentTooLarge
        : ''

function Field(props: {
  name: keyof TipInput
  label: string
  errors: FieldErrors
  values: TipFormProps['values']
  max: number
  multiline?: boolean
  required?: boolean
  type?: 'text' | 'url'
}) {
  const error = props.errors[props.name]
  const id = `tip-${props.name}`
  const common = {
    id,
    name: props.name,
    required: props.required ?? true,
    maxLength: props.max,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
  }
  return (
    <div>
      <label for={id}>{props.label}</label>
      {props.multiline ? (
        <textarea {...common} rows={10}>
          {props.values[props.name] ?? ''}
        </textarea>
      ) : props.type === 'url' ? (
        <input {...common} type="url" value={props.values[props.name] ?? ''} />
      ) : (
        <input {...common} type="text" value={props.values[props.name] ?? ''} />
      )}
      {error && (
        <p class="error" id={`${id}-error`}>
          {errorText(error, props.max)}
        </p>
      )}
    </div>
  )
}

export function TipFormView(props: TipFormProps) {
  const isTip = props.kind === 'tip'
  const title = isTip ? m.pages.tipTitle : m.pages.correctionTitle
  const path = isTip ? '/tip' : '/correction-request'
  const hasErrors = Object.keys(props.errors).length > 0
  return (
    <Layout site={props.site} meta={{ title, path }}>
      <div class="static-page">
        <h1>{title}</h1>
        <p>{isTip ? m.pages.tipIntro : m.pages.correctionIntro}</p>
        {props.sent && (
          <p class="notice" role="status">
            {m.pages.thanks}
          </p>
        )}
        {hasErrors && (
          <p class="alert" role="alert">
            {m.pages.formErrors}
          </p>
        )}
        <form class="form" method="post" action={path} enctype="multipart/form-data">
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <Field name="name" label={m.pages.name} errors={props.errors} values={props.values} max={50} />
          <Field
            name="contact"
            label={m.pages.contact}
            errors={props.errors}
            values={props.values}
            max={120}
          />
          {!isTip && (
            <Field
              name="articleUrl"
              label={m.pages.articleUrl}
              errors={props.errors}
              values={props.values}
              max={500}
              type="url"
            />
          )}
          <Field
            name="subject"
            label={m.pages.subject}
            errors={props.errors}
            values={props.values}
            max={200}
          />
          <Field
            name="body"
            label={m.pages.body}
            errors={props.errors}
            values={props.values}
            max={10000}
            multiline
          />
          <div>
            <label for="tip-attachment">{m.pages.attachment}</label>
            <input
              id="tip-attachment"
              name="attachment"
              type="file"
              aria-invalid={props.errors.attachment ? 'true' : undefined}
              aria-describedby={props.errors.attachment ? 'tip-attachment-error' : undefined}
            />
            {props.errors.attachment && (
              <p class="error" id="tip-attachment-error">
                {errorText(props.errors.attachment)}
              </p>
            )}
          </div>
          <p>
            <button type="submit">{m.pages.submit}</button>
          </p>
        </form>
      </div>
    </Layout>
  )
}
