// The admin's outlet settings: name, legal footer, grievance officer, logo, icons, mail sender.
import type { ComponentChildren } from 'preact'
import { msg } from '../../../platform/i18n/messages.js'
import type { OutletFieldProblem, OutletFormField, OutletSettings } from '../../outlet/index.js'
import { sm } from '../settings.messages.js'
import { Field } from './fields.js'
import { Csrf, type Frame, NewsroomLayout } from './layout.js'

const t = sm.settings

export type ImageField = 'logo' | 'icon' | 'shareImage'

/** An image upload of the settings form: its field, the reason it was refused, the image now. */
function ImageInput(props: {
  field: ImageField
  label: string
  accept: string
  errors?: Partial<Record<ImageField, string>>
  children?: ComponentChildren
}) {
  const error = props.errors?.[props.field]
  return (
    <div class="field">
      <label for={props.field}>{props.label}</label>
      <input
        id={props.field}
        name={props.field}
        type="file"
        aria-invalid={error ? 'true' : undefined}
        accept={props.accept}
      />
      {error && (
        <p class="field-error" id={`${props.field}-error`}>
          {error}
        </p>
      )}
      {props.children}
    </div>
  )
}

const basics: OutletFormField[] = ['name', 'tagline', 'copyrightHolder']
const legal: OutletFormField[] = [
  'registrationNumber',
  'registrationDate',
  'publisher',
  'editor',
  'youthProtectionOfficer',
  'address',
  'phone',
  'email',
]
const grievance: OutletFormField[] = ['grievanceOfficer', 'grievanceContact']
const integrations: OutletFormField[] = ['mailFrom', 'kakaoJsKey']
const requiredFields = new Set<OutletFormField>(['name', ...legal])

export function SettingsView(props: {
  frame: Frame
  outlet: OutletSettings
  values: Record<string, string>
  errors: Partial<Record<OutletFormField, OutletFieldProblem>>
  /** Why an uploaded image was refused, shown at its file field. */
  imageErrors?: Partial<Record<ImageField, string>>
  notice?: string | null
  error?: string | null
}) {
  const { outlet } = props
  const group = (title: string, fields: OutletFormField[]) => (
    <fieldset class="group">
      <legend>{title}</legend>
      <div class="settings-grid">
        {fields.map((f) => (
          <Field
            name={f}
            label={t.fields[f]}
            value={props.values[f] ?? ''}
            required={requiredFields.has(f)}
            type={f === 'email' ? 'email' : f === 'phone' ? 'tel' : 'text'}
            error={props.errors[f] ? t.problems[props.errors[f]] : undefined}
          />
        ))}
      </div>
    </fieldset>
  )
  return (
    <NewsroomLayout frame={props.frame} title={t.title} notice={props.notice} error={props.error} wide>
      <form method="post" action="/newsroom/settings" enctype="multipart/form-data" class="stack">
        <Csrf token={props.frame.csrf} />
        {group(t.basics, basics)}
        {group(t.legal, legal)}
        {group(t.grievance, grievance)}
        <fieldset class="group">
          <legend>{t.images}</legend>
          <div class="settings-grid">
            <ImageInput
              field="logo"
              label={t.logo}
              accept="image/png,image/jpeg,image/webp,image/avif"
              errors={props.imageErrors}
            >
              {outlet.logoUrl && (
                <figure>
                  <img
                    class="preview-img"
                    src={outlet.logoUrl}
                    width={outlet.logoWidth ?? undefined}
                    height={outlet.logoHeight ?? undefined}
                    alt={t.logoNow}
                  />
                </figure>
              )}
            </ImageInput>
            <ImageInput
              field="icon"
              label={t.icon}
              accept="image/png,image/jpeg,image/webp"
              errors={props.imageErrors}
            >
              {outlet.icons && (
                <img class="preview-img" src={outlet.icons.png192} width={64} height={64} alt={t.iconNow} />
              )}
            </ImageInput>
            <ImageInput
              field="shareImage"
              label={t.shareImage}
              accept="image/png,image/jpeg,image/webp"
              errors={props.imageErrors}
            >
              {outlet.shareImageUrl && (
                <img
                  class="preview-img"
                  src={outlet.shareImageUrl}
                  width={240}
                  height={126}
                  alt={t.shareImageNow}
                />
              )}
            </ImageInput>
          </div>
        </fieldset>
        {group(t.integrations, integrations)}
        <p class="hint">{t.logins}</p>
        <button type="submit">{t.submit}</button>
      </form>
    </NewsroomLayout>
  )
}

export const imageRefused = (reason: string) => msg(t.imageRefused, { reason })
