// Logs a TestBrowser in through the real flow: account chooser -> demo OpenID provider ->
// callback. Returns the callback URL it went through, for replay tests.
import { expect } from 'vitest'
import { csrfFrom, formAction, type TestBrowser } from '../../../testing/http-client.js'

export async function loginWithDemo(browser: TestBrowser, name: string, returnTo = '/') {
  const start = await browser.get(`/comments/login/demo?return=${encodeURIComponent(returnTo)}`)
  expect(start.status).toBe(302)
  const interaction = await browser.follow(start.location!)
  expect(interaction.status).toBe(200)
  const done = await browser.post(formAction(interaction.body, /interaction/), {
    _csrf: csrfFrom(interaction.body),
    name,
  })
  expect(done.status).toBe(303)
  const resumed = await browser.get(done.location!)
  const callback = resumed.location!
  expect(callback).toContain('/comments/login/demo/callback')
  const landed = await browser.get(callback)
  return { callback, landed }
}

/** Starts a login and stops at the provider's redirect back, without calling back yet. */
export async function demoCallbackUrl(browser: TestBrowser, name: string) {
  const start = await browser.get('/comments/login/demo?return=%2F')
  const interaction = await browser.follow(start.location!)
  const done = await browser.post(formAction(interaction.body, /interaction/), {
    _csrf: csrfFrom(interaction.body),
    name,
  })
  const resumed = await browser.get(done.location!)
  return resumed.location!
}
