'use strict';
// The web application's first load: every script and style index.html pulls in
// (the entry, its module preloads, its CSS) and the reader's language, gzipped at
// level 9 as a server would send them. My page's data is one GraphQL request whose statements do not grow
// with the number of meetings: test/e2e/web-app.e2e-spec.ts checks that in a browser.

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

function runWeb({ root, say }) {
  const dir = path.join(root, 'dist', 'web');
  const index = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const files = [...index.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  // The entry's static imports are loaded at once too (Vite lists them as modulepreload links; a single chunk has none).
  const sizes = files.map((file) => {
    const body = fs.readFileSync(path.join(dir, file));
    return { file, bytes: body.length, gzipBytes: zlib.gzipSync(body, { level: 9 }).length };
  });
  // Before its first render the entry loads the reader's language, a chunk per language (core/messages.ts):
  // the largest of them is counted, so the figure holds for a reader of any language.
  const languages = fs.readdirSync(path.join(dir, 'assets')).filter((file) => /^messages\.(sv|da|en)-[\w-]+\.js$/.test(file));
  if (languages.length !== 3) throw new Error(`expected one texts chunk per language (sv, da, en) in dist/web/assets, found ${languages.join(', ') || 'none'}`);
  const language = languages
    .map((file) => ({ file: `/assets/${file}`, body: fs.readFileSync(path.join(dir, 'assets', file)) }))
    .map(({ file, body }) => ({ file, bytes: body.length, gzipBytes: zlib.gzipSync(body, { level: 9 }).length }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes)[0];
  sizes.push(language);
  const gzipKb = sizes.reduce((sum, f) => sum + f.gzipBytes, 0) / 1024;
  say(`web app first load: ${sizes.length} files, ${gzipKb.toFixed(1)} kB gzipped (the reader's language: ${language.file.replace(/^\/assets\//, '')}, ${(language.gzipBytes / 1024).toFixed(1)} kB)`);
  return { files: sizes, firstLoadGzipKb: Math.round(gzipKb * 10) / 10 };
}

module.exports = { runWeb };
