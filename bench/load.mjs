// Load generation: autocannon for concurrent load, and a one-connection sequential client
// that times each request with sub-millisecond resolution (autocannon's histogram keeps
// whole milliseconds, too coarse to tell 1.2 ms from 1.9 ms).
import http from 'node:http'
import autocannon from 'autocannon'

/**
 * Runs autocannon against `url`. A non-2xx answer means the wrong page was measured and stops
 * the run; requests that time out (10 s) or fail are counted and reported with the figure.
 */
export async function hammer(url, { connections, seconds, headers = {} }) {
  const result = await autocannon({ url, connections, duration: seconds, pipelining: 1, headers })
  if (result.non2xx > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers under load`)
  return {
    failed: result.errors,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    bytesPerResponse: Math.round(result.throughput.total / Math.max(1, result.requests.total)),
    connections,
  }
}

function once(url, agent) {
  return new Promise((done, fail) => {
    http
      .get(url, { agent }, (response) => {
        if (response.statusCode !== 200) fail(new Error(`${url}: status ${response.statusCode}`))
        response.resume()
        response.on('end', done)
      })
      .on('error', fail)
  })
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

/** One keep-alive connection, one request after another, for `seconds`. */
export async function sequential(url, { seconds }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  const samples = []
  const started = performance.now()
  const end = started + seconds * 1000
  try {
    while (performance.now() < end) {
      const t = performance.now()
      await once(url, agent)
      samples.push(performance.now() - t)
    }
  } finally {
    agent.destroy()
  }
  const elapsed = (performance.now() - started) / 1000
  samples.sort((a, b) => a - b)
  return {
    failed: 0,
    rps: samples.length / elapsed,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    requests: samples.length,
    connections: 1,
  }
}
