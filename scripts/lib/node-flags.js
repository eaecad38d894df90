'use strict';
// V8 settings the API and the worker run with, wherever they are started
// (`npm start`, the benchmark; docker/Dockerfile sets the same in NODE_OPTIONS).
//
// --max-semi-space-size=16: the young generation's two halves at most 16 MB
// each. On a machine with a large heap limit V8 on Node 24 grows them to ~64 MB
// during boot (the young generation measured 134 MB of an idle API) and never
// gives that back. It bounds the nursery only, not the heap: the old generation
// keeps V8's default limit. Idle RSS 343 → 247 MB, peak under the dashboard load
// 428 → 364 MB at equal CPU per request (BENCH_SCALE=0.1) (bench/README.md, "A compiled executor").
const SERVER_NODE_FLAGS = ['--max-semi-space-size=16'];

module.exports = { SERVER_NODE_FLAGS };
