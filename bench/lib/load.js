'use strict';
// Fixed-concurrency load with autocannon: each request is built by
// `makeRequest(i)` (so the dashboards rotate over every commission), every
// answer is checked for errors, and latencies are kept so p50 and p95 are exact.
// A run is made of slices; `summarise` turns slices into one figure.

const autocannon = require('autocannon');

function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

/** One slice of load; resolves to its raw figures. */
function runSlice({ url, connections, duration, makeRequest, onSample }) {
  return new Promise((resolve, reject) => {
    const latencies = [];
    let errors = 0;
    let firstError = null;
    let i = 0;
    const instance = autocannon(
      {
        url,
        connections,
        duration,
        // One request in flight per connection: a client waits for its answer, like a browser.
        pipelining: 1,
        requests: [
          {
            setupRequest: (req) => ({ ...req, ...makeRequest(i++) }),
            onResponse: (status, body) => {
              if (status !== 200 || body.includes('"errors"')) {
                errors += 1;
                if (!firstError) firstError = `${status} ${String(body).slice(0, 300)}`;
              }
            },
          },
        ],
      },
      (error, result) => {
        if (sampler) clearInterval(sampler);
        if (error) return reject(error);
        resolve({
          latencies,
          requests: result.requests.total,
          seconds: duration,
          non2xx: result.non2xx,
          errors: errors + result.errors + result.timeouts,
          firstError,
          bytes: result.throughput.total,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    const sampler = onSample ? setInterval(onSample, 200) : null;
  });
}

/** One figure from several slices: rates over the summed time, percentiles over all latencies. */
function summarise(slices) {
  const latencies = slices.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const requests = slices.reduce((n, s) => n + s.requests, 0);
  const seconds = slices.reduce((n, s) => n + s.seconds, 0);
  return {
    requests,
    seconds,
    requestsPerSecond: requests / seconds,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies[latencies.length - 1] ?? 0,
    non2xx: slices.reduce((n, s) => n + s.non2xx, 0),
    errors: slices.reduce((n, s) => n + s.errors, 0),
    firstError: slices.map((s) => s.firstError).find(Boolean) ?? null,
    bytesPerSecond: slices.reduce((n, s) => n + s.bytes, 0) / seconds,
  };
}

module.exports = { runSlice, summarise, percentile };
