// Staff accounts: login with throttling, sessions, invitations, roles and password resets.
import type { Kysely } from 'kysely'
import { type InvalidationBus, tags } from '../../platform/cache/invalidation.js'
import { memo } from '../../platform/cache/memo.js'
import type { Clock } from '../../platform/clock.js'
import { msg } from '../../platform/i18n/messages.js'
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from '../../platform/passwords.js'
import { hashToken, newToken, type SessionStore } from '../../platform/sessions/session-store.js'
import { staffErrors } from './staff.errors.js'
import { type Mailer, MailFailed } from './staff.mailer.js'
import { staffMessages } from './staff.messages.js'
import type { StaffRole, StaffTables, StaffTokenPurpose } from './staff.table.js'
import { accountKey, createLoginThrottle, ipKey } from './staff.throttle.js'

export interface StaffMember {
  id: number
  email: string
  name: string
  role: StaffRole
  active: boolean
  hasPassword: boolean
}

export type LoginResult =
  | { ok: true; staff: StaffMember; token: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; until: string }

/** What a byline and a reporter page show of a staff member. */
export interface StaffProfile {
  id: number
  name: string
  /** The public e-mail the reporter chose ('' for none); never the login address. */
  email: string
  bio: string
  department: string
  photoId: number | null
  active: boolean
}

/** What a staff member edits of their own public profile. */
export interface ProfileChanges {
  name: string
  bio: string
  department: string
  publicEmail: string
  /** undefined keeps the photo; null removes it. */
  photoId?: number | null
}

/** Whether a mail went out; a failure carries the server's answer for the admin. */
export type Delivery = { sent: true; transport: 'smtp' | 'console' } | { sent: false; reason: string }

export interface NewStaffAccount {
  email: string
  name: string
  role: StaffRole
  bio?: string
  photoId?: number | null
  department?: string
  publicEmail?: string
  /** Without one the account is signed in to through an invitation or reset link. */
  password?: string
}

export interface StaffServiceDeps {
  db: Kysely<StaffTables>
  clock: Clock
  bus: InvalidationBus
  sessions: SessionStore
  mailer: Mailer
  publicUrl: string
}

const TOKEN_TTL_MS: Record<StaffTokenPurpose, number> = {
  invite: 7 * 24 * 3_600_000,
  reset: 3_600_000,
}

export const normalizeEmail = (email: string) => email.trim().toLowerCase()
export const ROLES: readonly StaffRole[] = ['reporter', 'desk', 'admin']

const staffColumns = ['id', 'email', 'name', 'role', 'active', 'passwordHash'] as const
type StaffRow = {
  id: number
  email: string
  name: string
  role: StaffRole
  active: number
  passwordHash: string | null
}
const toMember = (r: StaffRow): StaffMember => ({
  id: r.id,
  email: r.email,
  name: r.name,
  role: r.role,
  active: r.active === 1,
  hasPassword: r.passwordHash !== null,
})

export function createStaffService(deps: StaffServiceDeps) {
  const { db } = deps
  const throttle = createLoginThrottle(deps)

  // Every article page names its reporters: the directory is read once and kept (an outlet has
  // tens to hundreds of staff), and dropped when an account changes here or on another node.
  const directory = memo(async () => {
    const rows = await db
      .selectFrom('staff')
      .select(['id', 'name', 'publicEmail', 'bio', 'department', 'photoId', 'active'])
      .execute()
    return new Map(
      rows.map((r): [number, StaffProfile] => [
        r.id,
        {
          id: r.id,
          name: r.name,
          email: r.publicEmail,
          bio: r.bio,
          department: r.department,
          photoId: r.photoId,
          active: r.active === 1,
        },
      ]),
    )
  }, 300_000)
  deps.bus.subscribe((changed) => {
    if (changed.some((t) => t.startsWith('reporter:'))) directory.reset()
  })
  const changed = (id: number) => {
    directory.reset()
    deps.bus.publish([tags.reporter(id)])
  }

  async function insertAccount(account: NewStaffAccount): Promise<number> {
    const row = await db
      .insertInto('staff')
      .values({
        email: normalizeEmail(account.email),
        name: account.name.trim().slice(0, 100),
        role: account.role,
        bio: account.bio ?? '',
        photoId: account.photoId ?? null,
        department: account.department ?? '',
        publicEmail: account.publicEmail ?? '',
        passwordHash: account.password ? await hashPassword(account.password) : null,
        createdAt: deps.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    changed(row.id)
    return row.id
  }

  const findByEmail = (email: string) =>
    db.selectFrom('staff').select(staffColumns).where('email', '=', normalizeEmail(email)).executeTakeFirst()

  async function issueToken(staffId: number, purpose: StaffTokenPurpose): Promise<string> {
    const token = newToken()
    const now = deps.clock.now()
    // A new link replaces the older ones of the same purpose.
    await db.deleteFrom('staffTokens').where('staffId', '=', staffId).where('purpose', '=', purpose).execute()
    await db
      .insertInto('staffTokens')
      .values({
        id: hashToken(token),
        staffId,
        purpose,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[purpose]).toISOString(),
        usedAt: null,
      })
      .execute()
    return `${deps.publicUrl}/newsroom/${purpose === 'invite' ? 'invite' : 'reset'}/${token}`
  }

  /** Sends and reports the outcome; a failure is never reported as sent. */
  async function deliver(to: string, subject: string, text: string): Promise<Delivery> {
    try {
      await deps.mailer.send({ to, subject, text })
      return { sent: true, transport: deps.mailer.transport }
    } catch (error) {
      if (error instanceof MailFailed) return { sent: false, reason: error.reason }
      throw error
    }
  }
  const inviteText = (link: string) => msg(staffMessages.mailInviteBody, { link })
  const resetText = (link: string) => msg(staffMessages.mailResetBody, { link })

  return {
    /** Deletes ended invitation and reset links and stale login counts (the housekeeping job). */
    async purgeExpired(): Promise<number> {
      const tokens = await db
        .deleteFrom('staffTokens')
        .where('expiresAt', '<=', deps.clock.now().toISOString())
        .executeTakeFirst()
      return Number(tokens.numDeletedRows) + (await throttle.purgeStale())
    },

    async login(email: string, password: string, ip: string): Promise<LoginResult> {
      const address = normalizeEmail(email)
      const keys = [accountKey(address), ipKey(ip)]
      const claim = await throttle.claim(keys)
      if (claim.lockedUntil) return { ok: false, reason: 'locked', until: claim.lockedUntil }
      const row = await findByEmail(address)
      const valid = await verifyPassword(row?.active === 1 ? row.passwordHash : null, password)
      if (!row || !valid) {
        const lockedUntil = await throttle.failed(claim.lastChance)
        return lockedUntil
          ? { ok: false, reason: 'locked', until: lockedUntil }
          : { ok: false, reason: 'invalid' }
      }
      await throttle.clear(accountKey(address))
      await throttle.succeeded(ipKey(ip))
      const token = await deps.sessions.create('staff', row.id)
      return { ok: true, staff: toMember(row), token }
    },

    /** The active staff member a session token belongs to. */
    async fromSession(token: string): Promise<StaffMember | undefined> {
      const session = await deps.sessions.read('staff', token)
      if (!session) return undefined
      const row = await db
        .selectFrom('staff')
        .select(staffColumns)
        .where('id', '=', session.subjectId)
        .where('active', '=', 1)
        .executeTakeFirst()
      return row ? toMember(row) : undefined
    },

    logout: (token: string) => deps.sessions.destroy(token),

    async list(): Promise<StaffMember[]> {
      const rows = await db.selectFrom('staff').select(staffColumns).orderBy('role').orderBy('name').execute()
      return rows.map(toMember)
    },

    /** Writers who can be named in a byline. */
    async bylines(): Promise<{ id: number; name: string }[]> {
      return db
        .selectFrom('staff')
        .select(['id', 'name'])
        .where('active', '=', 1)
        .where('role', 'in', ['reporter', 'desk'])
        .orderBy('name')
        .execute()
    },

    /** Profiles by id, for bylines; ids that name no account are left out. */
    async profiles(ids: readonly number[]): Promise<Map<number, StaffProfile>> {
      let all = await directory.get()
      if (ids.some((id) => !all.has(id))) {
        // Made since the directory was read (an import, another node): read it again once.
        directory.reset()
        all = await directory.get()
      }
      return new Map(ids.flatMap((id) => (all.has(id) ? [[id, all.get(id)!] as const] : [])))
    },

    /** Creates an account without mail (seeding, imports, `sinmun create-staff`); returns its id. */
    createAccount: insertAccount,

    /** The id of an account with exactly this name, if any (feeds name authors, not addresses). */
    async findIdByName(name: string): Promise<number | undefined> {
      const row = await db
        .selectFrom('staff')
        .select('id')
        .where('name', '=', name)
        .orderBy('id')
        .executeTakeFirst()
      return row?.id
    },

    /** The id of the account with this e-mail address, if any. */
    async findIdByEmail(email: string): Promise<number | undefined> {
      return (await findByEmail(email))?.id
    },

    /**
     * Creates the account and sends the invitation link. The account stays even when the mail
     * fails, so the admin can send it again (resendInvite) without typing everything anew.
     */
    async invite(input: {
      email: string
      name: string
      role: StaffRole
    }): Promise<Delivery & { link: string }> {
      const email = normalizeEmail(input.email)
      if (await findByEmail(email)) throw staffErrors.emailTaken()
      const id = await insertAccount({ email, name: input.name, role: input.role })
      const link = await issueToken(id, 'invite')
      return { ...(await deliver(email, staffMessages.mailInviteSubject, inviteText(link))), link }
    },

    /** A new invitation link for an account that never set its password. */
    async resendInvite(staffId: number): Promise<Delivery & { email: string; link: string }> {
      const row = await db
        .selectFrom('staff')
        .select(['id', 'email'])
        .where('id', '=', staffId)
        .executeTakeFirst()
      if (!row) throw staffErrors.notFound()
      const link = await issueToken(row.id, 'invite')
      const delivery = await deliver(row.email, staffMessages.mailInviteSubject, inviteText(link))
      return { ...delivery, email: row.email, link }
    },

    /** Whether any active admin exists: the first-run setup is open only while none does. */
    async hasAdmin(): Promise<boolean> {
      const row = await db
        .selectFrom('staff')
        .select('id')
        .where('role', '=', 'admin')
        .where('active', '=', 1)
        .executeTakeFirst()
      return row !== undefined
    },

    /** The public profile a staff member edits, with their login address for their own screen. */
    async ownProfile(id: number) {
      return db
        .selectFrom('staff')
        .select(['id', 'email', 'name', 'bio', 'department', 'publicEmail', 'photoId'])
        .where('id', '=', id)
        .executeTakeFirst()
    },

    async updateProfile(id: number, changes: ProfileChanges): Promise<void> {
      await db
        .updateTable('staff')
        .set({
          name: changes.name.trim().slice(0, 100),
          bio: changes.bio.trim().slice(0, 500),
          department: changes.department.trim().slice(0, 50),
          publicEmail: normalizeEmail(changes.publicEmail),
          ...(changes.photoId === undefined ? {} : { photoId: changes.photoId }),
        })
        .where('id', '=', id)
        .execute()
      changed(id)
    },

    async update(id: number, changes: { role?: StaffRole; active?: boolean }): Promise<void> {
      const before = await db
        .selectFrom('staff')
        .select(['role', 'active'])
        .where('id', '=', id)
        .executeTakeFirst()
      if (!before) throw staffErrors.notFound()
      await db
        .updateTable('staff')
        .set({
          ...(changes.role ? { role: changes.role } : {}),
          ...(changes.active === undefined ? {} : { active: changes.active ? 1 : 0 }),
        })
        .where('id', '=', id)
        .execute()
      changed(id)
      // A new role or a deactivation takes effect at once: the account's sessions end.
      const roleChanged = changes.role !== undefined && changes.role !== before.role
      if (changes.active === false || roleChanged) await deps.sessions.destroyAllFor('staff', id)
    },

    /**
     * Sends a reset link when the address belongs to an active account. Says nothing either
     * way, so the form cannot be used to find out who works here.
     */
    async requestReset(email: string): Promise<void> {
      const row = await findByEmail(email)
      if (row?.active !== 1) return
      const link = await issueToken(row.id, 'reset')
      // The answer is the same either way; a failure is the operator's to see in the log.
      await deliver(row.email, staffMessages.mailResetSubject, resetText(link))
    },

    /** Whether a link token is still usable (for showing the form). */
    async tokenValid(token: string, purpose: StaffTokenPurpose): Promise<boolean> {
      const row = await db
        .selectFrom('staffTokens')
        .select('id')
        .where('id', '=', hashToken(token))
        .where('purpose', '=', purpose)
        .where('usedAt', 'is', null)
        .where('expiresAt', '>', deps.clock.now().toISOString())
        .executeTakeFirst()
      return row !== undefined
    },

    /** Sets the password from an invite or reset link; every other session of the account ends. */
    async setPasswordWithToken(token: string, purpose: StaffTokenPurpose, password: string) {
      if (password.length < MIN_PASSWORD_LENGTH) {
        throw staffErrors.passwordTooShort(MIN_PASSWORD_LENGTH)
      }
      const now = deps.clock.now().toISOString()
      const row = await db
        .selectFrom('staffTokens')
        .innerJoin('staff', 'staff.id', 'staffTokens.staffId')
        .select(['staffTokens.staffId', 'staff.email'])
        .where('staffTokens.id', '=', hashToken(token))
        .where('staffTokens.purpose', '=', purpose)
        .where('staffTokens.usedAt', 'is', null)
        .where('staffTokens.expiresAt', '>', now)
        .where('staff.active', '=', 1)
        .executeTakeFirst()
      if (!row) throw staffErrors.linkInvalid()
      const used = await db
        .updateTable('staffTokens')
        .set({ usedAt: now })
        .where('id', '=', hashToken(token))
        .where('usedAt', 'is', null)
        .executeTakeFirst()
      if (Number(used.numUpdatedRows) === 0) throw staffErrors.linkInvalid()
      await db
        .updateTable('staff')
        .set({ passwordHash: await hashPassword(password) })
        .where('id', '=', row.staffId)
        .execute()
      await deps.sessions.destroyAllFor('staff', row.staffId)
      await throttle.clear(accountKey(row.email))
    },

    /** Issues a reset link for an account (the admin's "send reset link" button). */
    async sendResetLink(staffId: number): Promise<Delivery & { link: string; email: string }> {
      const row = await db
        .selectFrom('staff')
        .select(['id', 'email'])
        .where('id', '=', staffId)
        .executeTakeFirst()
      if (!row) throw staffErrors.notFound()
      const link = await issueToken(row.id, 'reset')
      const delivery = await deliver(row.email, staffMessages.mailResetSubject, resetText(link))
      return { ...delivery, link, email: row.email }
    },
  }
}

export type StaffService = ReturnType<typeof createStaffService>
