// Passwords of newsroom accounts and of guests' comments: argon2id with the library's default
// costs (19 MiB, 2 passes, 1 lane: the current OWASP recommendation). argon2 loads with the
// first hash or check rather than at start.
const argon2 = () => import('@node-rs/argon2')

/** The shortest password a newsroom account may have (guests' comment passwords: comments). */
export const MIN_PASSWORD_LENGTH = 10

export const hashPassword = async (password: string) => (await argon2()).hash(password)

// A real hash to verify against when there is no stored hash (an account that does not
// exist), so a wrong e-mail address takes as long as a wrong password and does not reveal
// who has an account.
let dummy: Promise<string> | undefined

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    dummy ??= hashPassword('sinmun-no-such-account')
    await (await argon2()).verify(await dummy, password).catch(() => false)
    return false
  }
  return (await argon2()).verify(stored, password).catch(() => false)
}
