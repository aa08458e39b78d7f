// Shared setup of the browser tests: a seeded app listening on a free loopback port, and
// Debian's Chromium driven by playwright-core (no browser download at install).
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { createTestApp, type TestApp } from '../src/testing/test-app.js'

export const CHROMIUM_PATH = '/usr/bin/chromium'

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * Why the browser tests cannot run here, or null when they can. Under CI a missing browser is
 * not a reason: the tests then run and fail at launch, so a broken CI machine is noticed.
 */
export function browserSkipReason(): string | null {
  if (existsSync(CHROMIUM_PATH) || process.env.CI) return null
  const reason = `${CHROMIUM_PATH} not found; browser tests skipped (apt-get install -y chromium)`
  console.warn(reason)
  return reason
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
}

export interface RunningSite {
  app: TestApp
  /** `http://127.0.0.1:<port>`, also the app's PUBLIC_URL, so absolute links point here. */
  baseUrl: string
  close(): Promise<void>
}

/** Starts a seeded app on a free port; the port is picked first so PUBLIC_URL can name it. */
export async function startSite(env: Record<string, string> = {}): Promise<RunningSite> {
  const port = await freePort()
  const baseUrl = `http://127.0.0.1:${port}`
  const app = await createTestApp({ seed: true, env: { PUBLIC_URL: baseUrl, ...env } })
  await app.http.listen({ port, host: '127.0.0.1' })
  return { app, baseUrl, close: () => app.cleanup() }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
} as const

/** A fresh context (own storage, own clipboard grant) with one page at the given width. */
export async function openPage(
  browser: Browser,
  options: {
    baseUrl: string
    viewport: { width: number; height: number }
    clipboard?: boolean
    /** False: a reader whose browser runs no scripts. */
    javaScript?: boolean
    /** A phone: touch input and a sharp (2x) screen. */
    phone?: boolean
  },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: options.baseUrl,
    viewport: options.viewport,
    javaScriptEnabled: options.javaScript ?? true,
    ...(options.phone ? { hasTouch: true, isMobile: true, deviceScaleFactor: 2 } : {}),
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
    permissions: options.clipboard ? ['clipboard-read', 'clipboard-write'] : [],
  })
  const page = await context.newPage()
  return { context, page }
}
