// Names readers show on their comments (display names, guest names): one line of 2–20
// characters, without control characters (NUL cannot even be stored in PostgreSQL text).
import { z } from 'zod'

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g

export const cleanName = (value: string) => value.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim()

export const DisplayName = z.string().max(500).transform(cleanName).pipe(z.string().min(2).max(20))
