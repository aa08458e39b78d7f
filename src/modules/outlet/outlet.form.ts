// The admin's outlet form: checks each field and names the ones that are wrong, so the form
// comes back with the admin's text and a message at the field. Stored settings are read with
// the laxer OutletSettings (an empty footer is valid before setup is finished).
import { z } from 'zod'
import type { OutletSettings } from './outlet.schema.js'

export type OutletFormField =
  | 'name'
  | 'tagline'
  | 'copyrightHolder'
  | 'registrationNumber'
  | 'registrationDate'
  | 'publisher'
  | 'editor'
  | 'youthProtectionOfficer'
  | 'address'
  | 'phone'
  | 'email'
  | 'grievanceOfficer'
  | 'grievanceContact'
  | 'mailFrom'
  | 'kakaoJsKey'

export const OUTLET_FORM_FIELDS: readonly OutletFormField[] = [
  'name',
  'tagline',
  'copyrightHolder',
  'registrationNumber',
  'registrationDate',
  'publisher',
  'editor',
  'youthProtectionOfficer',
  'address',
  'phone',
  'email',
  'grievanceOfficer',
  'grievanceContact',
  'mailFrom',
  'kakaoJsKey',
]

/** Why a field was refused; the newsroom's catalog has a sentence for each. */
export type OutletFieldProblem = 'required' | 'tooLong' | 'dateFormat' | 'dateFuture' | 'email' | 'phone'

const required = (max: number) => z.string().trim().min(1, 'required').max(max, 'tooLong')
const optional = (max: number) => z.string().trim().max(max, 'tooLong')

/** 2024.03.05, 2024-03-05 or 2024/03/05, a real calendar day; stored as 2024.03.05. */
export function parseRegistrationDate(value: string): string | null {
  const m = value.trim().match(/^(\d{4})[.\-/ ]\s*(\d{1,2})[.\-/ ]\s*(\d{1,2})\.?$/)
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null
  return `${y}.${String(mo).padStart(2, '0')}.${String(d).padStart(2, '0')}`
}

export function outletFormSchema(todayInKorea: string) {
  return z.object({
    name: required(60),
    tagline: optional(120),
    copyrightHolder: optional(60),
    registrationNumber: required(40),
    registrationDate: z
      .string()
      .trim()
      .min(1, 'required')
      .transform((v, ctx) => {
        const date = parseRegistrationDate(v)
        if (!date) ctx.addIssue({ code: 'custom', message: 'dateFormat' })
        // Both are YYYY.MM.DD, so they compare as strings.
        else if (date > todayInKorea) ctx.addIssue({ code: 'custom', message: 'dateFuture' })
        return date ?? v
      }),
    publisher: required(40),
    editor: required(40),
    youthProtectionOfficer: required(40),
    address: required(200),
    phone: required(40).regex(/^[0-9+()\-\s]{7,}$/, 'phone'),
    email: required(120).pipe(z.email('email')),
    grievanceOfficer: optional(40),
    grievanceContact: optional(120),
    mailFrom: optional(200),
    kakaoJsKey: optional(100),
  })
}

export type OutletFormResult =
  | { ok: true; values: Pick<OutletSettings, OutletFormField> }
  | { ok: false; errors: Partial<Record<OutletFormField, OutletFieldProblem>> }

export function checkOutletForm(input: Record<string, string>, todayInKorea: string): OutletFormResult {
  const parsed = outletFormSchema(todayInKorea).safeParse(input)
  if (parsed.success) return { ok: true, values: parsed.data }
  const errors: Partial<Record<OutletFormField, OutletFieldProblem>> = {}
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as OutletFormField
    const known = ['required', 'tooLong', 'dateFormat', 'dateFuture', 'email', 'phone'] as const
    const problem = known.find((k) => k === issue.message) ?? (input[field] ? 'tooLong' : 'required')
    errors[field] ??= problem
  }
  return { ok: false, errors }
}
