// The admin's integrations screen: analytics, ad networks, portal verification, and what
// fills each ad slot. A refused form comes back with what was typed and the reason per field.
import { AD_SLOTS, type AdSlotName } from '../../outlet/index.js'
import { im } from '../integrations.messages.js'
import { Field } from './fields.js'
import { Csrf, type Frame, NewsroomLayout } from './layout.js'

export type IntegrationsValues = Record<string, string | string[]>
export type IntegrationsErrors = Record<string, string>

const text = (values: IntegrationsValues, name: string) => {
  const value = values[name]
  return Array.isArray(value) ? value.join('\n') : (value ?? '')
}

const KINDS = ['none', 'house', 'adsense', 'adfit', 'dable', 'host'] as const

function SlotFields(props: {
  slot: AdSlotName
  values: IntegrationsValues
  errors: IntegrationsErrors
  sections: { id: number; name: string }[]
}) {
  const { slot, values, errors } = props
  const name = (field: string) => `${slot}.${field}`
  const field = (f: 'image' | 'link' | 'alt' | 'code') => (
    <Field name={name(f)} label={im.slot[f]} value={text(values, name(f))} />
  )
  const chosen = new Set(([] as string[]).concat(values[name('sections')] ?? []))
  return (
    <fieldset class="group">
      <legend>{im.slots[slot]}</legend>
      {errors[slot] && (
        <p class="field-error" id={`${slot}-error`}>
          {errors[slot]}
        </p>
      )}
      <div class="settings-grid">
        <div class="field">
          <label for={name('kind')}>{im.slot.kind}</label>
          <select id={name('kind')} name={name('kind')}>
            {KINDS.map((k) => (
              <option value={k} selected={(text(values, name('kind')) || 'none') === k}>
                {im.slot.kinds[k]}
              </option>
            ))}
          </select>
        </div>
        {field('code')}
        {field('image')}
        {field('link')}
        {field('alt')}
        <div class="field">
          <label for={name('from')}>{im.slot.from}</label>
          <input id={name('from')} name={name('from')} type="date" value={text(values, name('from'))} />
        </div>
        <div class="field">
          <label for={name('until')}>{im.slot.until}</label>
          <input id={name('until')} name={name('until')} type="date" value={text(values, name('until'))} />
        </div>
        <div class="field">
          <label for={name('sections')}>{im.slot.sections}</label>
          <select id={name('sections')} name={name('sections')} multiple size={4}>
            {props.sections.map((s) => (
              <option value={String(s.id)} selected={chosen.has(String(s.id))}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      </div>
    </fieldset>
  )
}

export function IntegrationsView(props: {
  frame: Frame
  values: IntegrationsValues
  errors: IntegrationsErrors
  sections: { id: number; name: string }[]
  notice?: string | null
  error?: string | null
}) {
  const { values, errors } = props
  const field = (name: keyof typeof im.fields & keyof typeof im.problems) => (
    <Field name={name} label={im.fields[name]} value={text(values, name)} error={errors[name]} />
  )
  const box = (name: 'adfit' | 'dable') => (
    <label class="check">
      <input type="checkbox" name={name} value="on" checked={text(values, name) === 'on'} /> {im.fields[name]}
    </label>
  )
  return (
    <NewsroomLayout frame={props.frame} title={im.title} notice={props.notice} error={props.error} wide>
      <p class="hint">{im.intro}</p>
      <form method="post" action="/newsroom/integrations" class="stack">
        <Csrf token={props.frame.csrf} />
        <fieldset class="group">
          <legend>{im.analytics}</legend>
          <div class="settings-grid">
            {field('ga4')}
            {field('naverAnalytics')}
          </div>
        </fieldset>
        <fieldset class="group">
          <legend>{im.networks}</legend>
          <div class="settings-grid">
            {field('adsenseClient')}
            {box('adfit')}
            {box('dable')}
            <Field
              name="adHosts"
              label={im.fields.adHosts}
              value={text(values, 'adHosts')}
              error={errors.adHosts}
              multiline
            />
          </div>
        </fieldset>
        <fieldset class="group">
          <legend>{im.verification}</legend>
          <div class="settings-grid">
            {field('naverVerification')}
            {field('googleVerification')}
            {field('bingVerification')}
          </div>
        </fieldset>
        <h2>{im.slotsTitle}</h2>
        {field('afterParagraph')}
        {AD_SLOTS.map((slot) => (
          <SlotFields slot={slot} values={values} errors={errors} sections={props.sections} />
        ))}
        <button type="submit">{im.submit}</button>
      </form>
    </NewsroomLayout>
  )
}
