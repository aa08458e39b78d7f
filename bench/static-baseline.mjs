// The baseline: the smallest reasonable Node server, answering every request with one article
// page held in memory, with the same headers the app sent. Nothing a framework, a database or
// a template does: what is left is the cost of HTTP itself on this machine.
// Usage: PORT=N node bench/static-baseline.mjs <response.json>
import { readFileSync } from 'node:fs'
import http from 'node:http'

const stored = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const body = Buffer.from(stored.body, 'base64')
const headers = { ...stored.headers, 'content-length': String(body.length) }

http
  .createServer((_request, response) => {
    response.writeHead(200, headers)
    response.end(body)
  })
  .listen(Number(process.env.PORT), '127.0.0.1')
