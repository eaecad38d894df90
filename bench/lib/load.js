'use strict';
// Fixed-concurrency load with autocannon: each request is built by
// `makeRequest(i)` (so the dashboards rotate over every commission), every
// answer is checked for errors, and latencies are kept so p50 and p95 are exact.

const autocannon = require('autocannon');

function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

function runOnce({ url, connections, duration, makeRequest, onSample }) {
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
        // One pipeline per connection: a client waits for its answer, like a browser.
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
        clearInterval(sampler);
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        resolve({
          requests: result.requests.total,
          requestsPerSecond: result.requests.total / duration,
          p50Ms: percentile(latencies, 50),
          p95Ms: percentile(latencies, 95),
          p99Ms: percentile(latencies, 99),
          maxMs: latencies[latencies.length - 1] ?? 0,
          non2xx: result.non2xx,
          errors: errors + result.errors + result.timeouts,
          firstError,
          bytesPerSecond: result.throughput.average,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    const sampler = onSample ? setInterval(onSample, 200) : null;
  });
}

/** Warm-up (not counted), then the measured run. */
async function measure({ url, connections, duration, warmup, makeRequest, onSample }) {
  if (warmup > 0) await runOnce({ url, connections, duration: warmup, makeRequest });
  return runOnce({ url, connections, duration, makeRequest, onSample });
}

module.exports = { measure, percentile };
