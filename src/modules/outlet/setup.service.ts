// The first run of a new outlet: the first admin account and the outlet's name and address,
// then the legal pages from their templates. Open only while no admin exists, and only once:
// a claim row in the settings table makes a second setup fail even when two arrive at the
// same moment. The setup screen and `sinmun setup` both come through here.
import { z } from 'zod'
import { MIN_PASSWORD_LENGTH } from '../../platform/passwords.js'
import type { StaffService } from '../staff/index.js'
import type { OutletService } from './outlet.service.js'

export type SetupField = 'adminName' | 'email' | 'password' | 'passwordAgain' | 'outletName' | 'address'
export type SetupProblem = 'required' | 'tooLong' | 'email' | 'passwordTooShort' | 'passwordMismatch'

const SetupForm = z
  .object({
    adminName: z.string().trim().min(1, 'required').max(50, 'tooLong'),
    email: z.string().trim().min(1, 'required').max(200, 'tooLong').pipe(z.email('email')),
    password: z.string().min(MIN_PASSWORD_LENGTH, 'passwordTooShort').max(200, 'tooLong'),
    passwordAgain: z.string(),
    outletName: z.string().trim().min(1, 'required').max(60, 'tooLong'),
    address: z.string().trim().min(1, 'required').max(200, 'tooLong'),
  })
  .refine((f) => f.password === f.passwordAgain, { path: ['passwordAgain'], message: 'passwordMismatch' })
export type SetupInput = z.input<typeof SetupForm>

export type SetupResult =
  | { ok: true; adminId: number }
  | { ok: false; reason: 'done' }
  | { ok: false; reason: 'invalid'; errors: Partial<Record<SetupField, SetupProblem>> }

export interface SetupDeps {
  outlet: OutletService
  staff: Pick<StaffService, 'hasAdmin' | 'createAccount'>
  /** Writes the legal pages from their templates where none exists yet. */
  prefillPages(outletName: string): Promise<void>
  now: () => Date
}

export function createSetupService(deps: SetupDeps) {
  const open = async () => !(await deps.staff.hasAdmin())
  return {
    /** Whether the setup screen may be shown: no admin exists yet. */
    isOpen: open,

    async run(input: Record<string, unknown>): Promise<SetupResult> {
      if (!(await open())) return { ok: false, reason: 'done' }
      const parsed = SetupForm.safeParse(input)
      if (!parsed.success) {
        const errors: Partial<Record<SetupField, SetupProblem>> = {}
        for (const issue of parsed.error.issues) {
          const field = issue.path[0] as SetupField
          const known = ['required', 'tooLong', 'email', 'passwordTooShort', 'passwordMismatch'] as const
          errors[field] ??= known.find((k) => k === issue.message) ?? 'required'
        }
        return { ok: false, reason: 'invalid', errors }
      }
      const form = parsed.data
      if (!(await deps.outlet.claimSetup(deps.now().toISOString()))) return { ok: false, reason: 'done' }
      try {
        const adminId = await deps.staff.createAccount({
          email: form.email,
          name: form.adminName,
          role: 'admin',
          password: form.password,
        })
        const outlet = await deps.outlet.getOutlet()
        await deps.outlet.saveOutlet({
          ...outlet,
          name: form.outletName,
          copyrightHolder: outlet.copyrightHolder || form.outletName,
          address: form.address,
        })
        await deps.prefillPages(form.outletName)
        return { ok: true, adminId }
      } catch (error) {
        // Nothing was set up for good: the next attempt may claim again.
        await deps.outlet.releaseSetup()
        throw error
      }
    },
  }
}

export type SetupService = ReturnType<typeof createSetupService>
