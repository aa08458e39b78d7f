// The one error handler: catalogued code and status, JSON or HTML by the route's kind and the
// Accept header, an area's own page for refusals, a plain 500 for anything unknown.
import Fastify from 'fastify'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { z } from 'zod'
import { notFound, raise } from '../errors.js'
import { installErrorHandling, useErrorPage } from './error-handler.js'

const app = Fastify({ logger: false })
// platform/ knows no module, so the test declares its own refusal.
const forbidden = () => raise({ code: 'TEST_FORBIDDEN', status: 403, message: '권한이 없습니다.' })
const JSON_ACCEPT = { accept: 'application/json' }
const HTML_ACCEPT = { accept: 'text/html,application/xhtml+xml' }

beforeAll(async () => {
  // No site frame: the handler falls back to its plain page, which is enough here.
  installErrorHandling(app, () => Promise.reject(new Error('no site in this test')))
  app.get('/missing', async () => {
    throw notFound('thing')
  })
  app.get('/api/missing', { config: { errorFormat: 'json' } }, async () => {
    throw notFound('thing')
  })
  app.post('/form', async () => {
    throw forbidden()
  })
  app.get('/invalid', async (request) => z.object({ n: z.coerce.number().int() }).parse(request.query))
  app.get('/broken', async () => {
    throw new Error('database on fire')
  })
  await app.register(async (area) => {
    useErrorPage(area, async (_request, _reply, error) => `<p data-area="${error.code}"></p>`)
    area.get('/area/refused', async () => {
      throw forbidden()
    })
    area.get('/area/broken', async () => {
      throw new Error('boom')
    })
  })
  await app.ready()
})
afterAll(() => app.close())

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers })

describe('the error handler', () => {
  test('a client asking for JSON gets the catalogued code and status', async () => {
    const res = await get('/missing', JSON_ACCEPT)
    expect(res.statusCode).toBe(404)
    expect(res.json().errors[0]).toMatchObject({ code: 'NOT_FOUND', details: { what: 'thing' } })
    expect(res.headers['cache-control']).toBe('no-store')
  })

  test('a browser gets an HTML page with the same status', async () => {
    const res = await get('/missing', HTML_ACCEPT)
    expect(res.statusCode).toBe(404)
    expect(res.headers['content-type']).toContain('text/html')
  })

  test('an API route answers JSON even to a browser', async () => {
    const res = await get('/api/missing', HTML_ACCEPT)
    expect(res.statusCode).toBe(404)
    expect(res.json().errors[0].code).toBe('NOT_FOUND')
  })

  test('a script posting without asking for HTML gets JSON', async () => {
    const res = await app.inject({ method: 'POST', url: '/form' })
    expect(res.statusCode).toBe(403)
    expect(res.json().errors[0].code).toBe('TEST_FORBIDDEN')
  })

  test('invalid input is VALIDATION_FAILED, an unknown failure a plain INTERNAL 500', async () => {
    const invalid = await get('/invalid?n=x', JSON_ACCEPT)
    expect(invalid.statusCode).toBe(400)
    expect(invalid.json().errors[0].code).toBe('VALIDATION_FAILED')
    const broken = await get('/broken', JSON_ACCEPT)
    expect(broken.statusCode).toBe(500)
    expect(broken.json().errors[0].code).toBe('INTERNAL')
    expect(broken.body).not.toContain('database on fire')
  })

  test('an unknown address is NOT_FOUND', async () => {
    const res = await get('/nowhere', JSON_ACCEPT)
    expect(res.statusCode).toBe(404)
    expect(res.json().errors[0].code).toBe('NOT_FOUND')
  })

  test('an address with a trailing slash moves permanently to the one without, query kept', async () => {
    const res = await get('/missing/?utm_source=kakao', HTML_ACCEPT)
    expect(res.statusCode).toBe(301)
    expect(res.headers.location).toBe('/missing?utm_source=kakao')
    const many = await get('/area/refused//', HTML_ACCEPT)
    expect(many.headers.location).toBe('/area/refused')
  })

  test('a trailing slash never sends the reader to another host, nor redirects a form post', async () => {
    for (const url of ['//evil.example/', '///evil.example//', '/\\evil.example/']) {
      const res = await get(url, HTML_ACCEPT)
      expect({ url, status: res.statusCode }).toEqual({ url, status: 404 })
    }
    const post = await app.inject({ method: 'POST', url: '/nowhere/' })
    expect(post.statusCode).toBe(404)
  })

  test("an area's refusals use its own page; its server failures the site's", async () => {
    const refused = await get('/area/refused', HTML_ACCEPT)
    expect(refused.statusCode).toBe(403)
    expect(refused.body).toContain('data-area="TEST_FORBIDDEN"')
    const broken = await get('/area/broken', HTML_ACCEPT)
    expect(broken.statusCode).toBe(500)
    expect(broken.body).not.toContain('data-area')
  })
})
