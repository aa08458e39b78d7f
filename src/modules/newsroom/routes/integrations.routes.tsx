// The admin's integrations and ad slots. Every identifier is checked against its provider's
// exact shape before anything is saved (each ends up in HTML and in the CSP); a save drops
// every cached page (the outlet tag), so the pages and their policies change at once.
import type { FastifyInstance } from 'fastify'
import { requireCsrf } from '../../../platform/http/csrf.js'
import {
  AD_SLOTS,
  type AdFill,
  AdFillSchema,
  type AdSlots,
  type Integrations,
  IntegrationsSchema,
  type OutletSettings,
} from '../../outlet/index.js'
import { im } from '../integrations.messages.js'
import type { IntegrationsErrors, IntegrationsValues } from '../views/integrations.views.js'
import { IntegrationsView } from '../views/integrations.views.js'
import type { RouteContext } from './context.js'

const ID_FIELDS = [
  'ga4',
  'naverAnalytics',
  'adsenseClient',
  'naverVerification',
  'googleVerification',
  'bingVerification',
] as const

/** The stored settings as the form shows them. */
function valuesOf(outlet: OutletSettings): IntegrationsValues {
  const i = outlet.integrations
  const values: IntegrationsValues = {
    ...Object.fromEntries(ID_FIELDS.map((f) => [f, i[f]])),
    adfit: i.adfit ? 'on' : '',
    dable: i.dable ? 'on' : '',
    adHosts: i.adHosts.join('\n'),
    afterParagraph: String(outlet.ads.afterParagraph),
  }
  for (const slot of AD_SLOTS) {
    const fill = outlet.ads.slots[slot]
    if (!fill) continue
    values[`${slot}.kind`] = fill.kind
    if (fill.kind === 'house') {
      Object.assign(values, {
        [`${slot}.image`]: fill.image,
        [`${slot}.link`]: fill.link,
        [`${slot}.alt`]: fill.alt,
        [`${slot}.from`]: fill.from ?? '',
        [`${slot}.until`]: fill.until ?? '',
        [`${slot}.sections`]: fill.sections.map(String),
      })
    } else {
      values[`${slot}.code`] =
        fill.kind === 'adsense'
          ? fill.slot
          : fill.kind === 'adfit'
            ? fill.unit
            : fill.kind === 'dable'
              ? fill.widget
              : fill.script
    }
  }
  return values
}

const one = (value: string | string[] | undefined) =>
  Array.isArray(value) ? (value[0] ?? '') : (value ?? '')
const many = (value: string | string[] | undefined) => ([] as string[]).concat(value ?? [])

/** The form checked: the settings to save, or the reason per field. */
export function checkIntegrationsForm(
  form: IntegrationsValues,
): { ok: true; integrations: Integrations; ads: AdSlots } | { ok: false; errors: IntegrationsErrors } {
  const errors: IntegrationsErrors = {}
  const adHosts = one(form.adHosts)
    .split(/\s+/)
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean)
  const parsed = IntegrationsSchema.safeParse({
    ...Object.fromEntries(ID_FIELDS.map((f) => [f, one(form[f])])),
    adfit: one(form.adfit) === 'on',
    dable: one(form.dable) === 'on',
    adHosts,
  })
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]) as keyof typeof im.problems
      errors[field] = im.problems[field] ?? im.problems.slot
    }
  }
  const afterParagraph = Number(one(form.afterParagraph) || '3')
  if (!Number.isInteger(afterParagraph) || afterParagraph < 1 || afterParagraph > 20)
    errors.afterParagraph = im.problems.afterParagraph

  const slots: Partial<Record<(typeof AD_SLOTS)[number], AdFill>> = {}
  for (const slot of AD_SLOTS) {
    const field = (name: string) => one(form[`${slot}.${name}`]).trim()
    const kind = field('kind') || 'none'
    if (kind === 'none') continue
    const code = field('code')
    const candidate =
      kind === 'house'
        ? {
            kind,
            image: field('image'),
            link: field('link'),
            alt: field('alt'),
            from: field('from') || null,
            until: field('until') || null,
            sections: many(form[`${slot}.sections`]).map(Number),
          }
        : kind === 'adsense'
          ? { kind, slot: code }
          : kind === 'adfit'
            ? { kind, unit: code }
            : kind === 'dable'
              ? { kind, widget: code }
              : { kind, script: code }
    const fill = AdFillSchema.safeParse(candidate)
    if (!fill.success) {
      errors[slot] = im.problems.slot
      continue
    }
    const i = parsed.success ? parsed.data : null
    const networkOn =
      fill.data.kind === 'house' ||
      (fill.data.kind === 'adsense' && !!i?.adsenseClient) ||
      (fill.data.kind === 'adfit' && !!i?.adfit) ||
      (fill.data.kind === 'dable' && !!i?.dable) ||
      (fill.data.kind === 'host' && !!i?.adHosts.includes(new URL(fill.data.script).hostname))
    if (!networkOn) {
      errors[slot] = im.problems.networkOff
      continue
    }
    slots[slot] = fill.data
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, integrations: parsed.data, ads: { slots, afterParagraph } }
}

export function integrationsRoutes(app: FastifyInstance, ctx: RouteContext) {
  const admin = ctx.guard('admin')
  const { outlet, readModel } = ctx.deps

  app.get('/newsroom/integrations', { preHandler: admin }, async (request, reply) => {
    const [current, sections] = await Promise.all([outlet.getOutlet(), readModel.sections()])
    const saved = (request.query as { done?: string }).done === 'saved'
    return ctx.page(
      reply,
      <IntegrationsView
        frame={await ctx.frame(request, reply)}
        values={valuesOf(current)}
        errors={{}}
        sections={sections}
        notice={saved ? im.saved : null}
      />,
    )
  })

  app.post(
    '/newsroom/integrations',
    { preHandler: admin, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const form = (request.body ?? {}) as IntegrationsValues
      await requireCsrf(request, reply, one(form._csrf))
      const checked = checkIntegrationsForm(form)
      if (!checked.ok) {
        return ctx.page(
          reply,
          <IntegrationsView
            frame={await ctx.frame(request, reply)}
            values={form}
            errors={checked.errors}
            sections={await readModel.sections()}
            error={im.invalid}
          />,
          400,
        )
      }
      const current = await outlet.getOutlet()
      await outlet.saveOutlet({ ...current, integrations: checked.integrations, ads: checked.ads })
      return reply.redirect('/newsroom/integrations?done=saved', 303)
    },
  )
}
