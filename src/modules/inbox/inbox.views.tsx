// The public request form: one form for 기사제보 and the three statutory requests, the kind
// chosen by the reader, with the consent line 개인정보 보호법 §15 asks for. Without
// JavaScript everything is on the page; a refused form comes back with every field kept.
import { randomBytes } from 'node:crypto'
import { msg } from '../../platform/i18n/messages.js'
import { Layout } from '../../platform/views/layout.js'
import type { SiteContext } from '../../platform/views/site-context.js'
import { inboxMessages as m } from './inbox.messages.js'
import type { FieldError, FieldErrors, RequestInput } from './inbox.schema.js'
import { REQUEST_KINDS, type RequestKind } from './inbox.table.js'

export interface RequestFormProps {
  site: SiteContext
  /** `/tip` or `/correction-request`: the same form, a different first choice and title. */
  path: string
  kind: RequestKind
  csrfToken: string
  values: Partial<Record<keyof RequestInput, string>>
  errors: FieldErrors
  sent?: 'tip' | 'statutory'
}

const errorText = (key: FieldError | undefined, max?: number) =>
  key === 'tooLong' ? msg(m.tooLong, { max: max ?? 0 }) : key ? m[key] : ''

type TextField = 'name' | 'contact' | 'subject' | 'body' | 'articleUrl' | 'disputedPassage' | 'learnedOn'

function Field(props: {
  name: TextField
  label: string
  props: RequestFormProps
  max: number
  multiline?: boolean
  required?: boolean
  type?: 'text' | 'url' | 'date'
  hint?: string
}) {
  const error = props.props.errors[props.name]
  const id = `tip-${props.name}`
  const describedBy = [props.hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ')
  const common = {
    id,
    name: props.name,
    required: props.required ?? true,
    // A date field's length is the browser's business (a maxlength there is invalid HTML).
    maxLength: props.type === 'date' ? undefined : props.max,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy || undefined,
  }
  const value = props.props.values[props.name] ?? ''
  return (
    <div>
      <label for={id}>{props.label}</label>
      {props.multiline ? (
        <textarea {...common} rows={props.name === 'body' ? 10 : 3}>
          {value}
        </textarea>
      ) : props.type === 'url' ? (
        <input {...common} type="url" value={value} />
      ) : props.type === 'date' ? (
        <input {...common} type="date" value={value} />
      ) : (
        <input {...common} type="text" value={value} />
      )}
      {props.hint && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {error && (
        <p class="error" id={`${id}-error`}>
          {errorText(error, props.max)}
        </p>
      )}
    </div>
  )
}

export function RequestFormView(props: RequestFormProps) {
  const statutoryPage = props.path !== '/tip'
  const title = statutoryPage ? m.correctionTitle : m.tipTitle
  const hasErrors = Object.keys(props.errors).length > 0
  const chosen = (props.values.kind as RequestKind | undefined) ?? props.kind
  return (
    <Layout site={props.site} meta={{ title, path: props.path }}>
      <div class="static-page inbox-form">
        <h1>{title}</h1>
        <p>{statutoryPage ? m.correctionIntro : m.tipIntro}</p>
        {props.sent && (
          <p class="notice" role="status">
            {props.sent === 'statutory' ? m.thanksStatutory : m.thanks}
          </p>
        )}
        {hasErrors && (
          <p class="alert" role="alert">
            {m.formErrors}
          </p>
        )}
        <form class="form" method="post" action={props.path} enctype="multipart/form-data">
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <input type="hidden" name="clientKey" value={randomBytes(16).toString('base64url')} />
          <fieldset class="inbox-kinds">
            <legend>{m.kindLegend}</legend>
            {REQUEST_KINDS.map((kind) => (
              <p>
                <input
                  type="radio"
                  name="kind"
                  id={`tip-kind-${kind}`}
                  value={kind}
                  checked={kind === chosen}
                  aria-describedby={`tip-kind-${kind}-hint`}
                />{' '}
                <label for={`tip-kind-${kind}`}>{m.kinds[kind]}</label>{' '}
                <span class="hint" id={`tip-kind-${kind}-hint`}>
                  {m.kindHints[kind]}
                </span>
              </p>
            ))}
          </fieldset>
          <Field name="name" label={m.name} props={props} max={50} />
          <Field name="contact" label={m.contact} props={props} max={120} />
          <Field
            name="articleUrl"
            label={m.articleUrl}
            props={props}
            max={500}
            type="url"
            required={false}
            hint={m.articleUrlHint}
          />
          <Field
            name="disputedPassage"
            label={m.disputedPassage}
            props={props}
            max={1000}
            multiline
            required={false}
          />
          <Field name="learnedOn" label={m.learnedOn} props={props} max={10} type="date" required={false} />
          <Field name="subject" label={m.subject} props={props} max={200} />
          <Field name="body" label={m.body} props={props} max={10000} multiline />
          <div>
            <label for="tip-attachment">{m.attachment}</label>
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
          <fieldset class="inbox-consent">
            <legend>{m.consentTitle}</legend>
            <p class="hint" id="tip-consent-text">
              {m.consentText}
            </p>
            <p>
              <input
                type="checkbox"
                id="tip-consent"
                name="consent"
                value="yes"
                required
                checked={props.values.consent === 'yes'}
                aria-invalid={props.errors.consent ? 'true' : undefined}
                aria-describedby={
                  props.errors.consent ? 'tip-consent-text tip-consent-error' : 'tip-consent-text'
                }
              />{' '}
              <label for="tip-consent">{m.consentLabel}</label>
            </p>
            {props.errors.consent && (
              <p class="error" id="tip-consent-error">
                {errorText(props.errors.consent)}
              </p>
            )}
          </fieldset>
          <p>
            <button type="submit">{m.submit}</button>
          </p>
        </form>
      </div>
    </Layout>
  )
}
