'use strict';
// node bench/profile-summary.js <file.cpuprofile|file.heapprofile> [top]
// Self time of a V8 CPU profile, by function and by where the code lives
// (our libs/apps in dist/, a package in node_modules, Node itself, GC, idle).

const fs = require('node:fs');

function where(url) {
  if (!url) return '(native/V8)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  const ours = /dist\/((?:libs|apps)\/[^/]+)/.exec(url);
  if (ours) return `samverkan ${ours[1]}`;
  if (url.startsWith('node:')) return 'node core';
  return url;
}

function summarise(file, top = 25) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) || 0) + (dt[i] || 0));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fn = new Map();
  const place = new Map();
  for (const [id, us] of self) {
    const { callFrame: f } = byId.get(id);
    const name = f.functionName || '(anonymous)';
    const key = `${name}  ${where(f.url)}${f.url && !/node_modules/.test(f.url) ? `:${f.lineNumber + 1}` : ''}`;
    fn.set(key, (fn.get(key) || 0) + us);
    const p = ['(idle)', '(garbage collector)', '(program)'].includes(name) ? name : where(f.url);
    place.set(p, (place.get(p) || 0) + us);
  }
  const pct = (us) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
  const lines = [`${file}: ${(total / 1e6).toFixed(1)} s sampled`, '', 'by place (self time):'];
  for (const [k, us] of [...place].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(us)}  ${k}`);
  lines.push('', 'by function (self time):');
  for (const [k, us] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(us)}  ${k}`);
  return lines.join('\n');
}

/** A sampling heap profile (.heapprofile): bytes allocated by function and by place. */
function summariseHeap(file, top = 25) {
  const { head } = JSON.parse(fs.readFileSync(file, 'utf8'));
  const fn = new Map();
  const place = new Map();
  let total = 0;
  const walk = (node) => {
    const bytes = (node.selfSize || 0);
    if (bytes) {
      const f = node.callFrame;
      const key = `${f.functionName || '(anonymous)'}  ${where(f.url)}${f.url && !/node_modules/.test(f.url) ? `:${f.lineNumber + 1}` : ''}`;
      fn.set(key, (fn.get(key) || 0) + bytes);
      place.set(where(f.url), (place.get(where(f.url)) || 0) + bytes);
      total += bytes;
    }
    for (const child of node.children || []) walk(child);
  };
  walk(head);
  const pct = (b) => `${((100 * b) / total).toFixed(1).padStart(5)} %`;
  const lines = [`${file}: ${(total / 1048576).toFixed(0)} MB allocated (sampled, including what GC collected)`, '', 'by place:'];
  for (const [k, b] of [...place].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(b)}  ${k}`);
  lines.push('', 'by function:');
  for (const [k, b] of [...fn].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${pct(b)}  ${k}`);
  return lines.join('\n');
}

if (require.main === module) {
  const [file, top] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('usage: node bench/profile-summary.js <file.cpuprofile> [top]\n');
    process.exit(2);
  }
  process.stdout.write(`${(file.endsWith('.heapprofile') ? summariseHeap : summarise)(file, Number(top) || 25)}\n`);
}

module.exports = { summarise, summariseHeap };
