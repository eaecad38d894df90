import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Controller, Get, Header, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { APP_CONFIG, Allow, AppConfig, Permission } from '@samverkan/core';

/**
 * GraphiQL from the installed npm packages, so it works with no internet
 * (Apollo's landing page loads from a CDN). Only in non-production modes.
 */
// GraphiQL 3 runs on React 18's UMD builds (React 19, which the web app uses, ships none):
// package.json installs them under the aliases graphiql-react and graphiql-react-dom.
const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'react.js': { pkg: 'graphiql-react', file: 'umd/react.production.min.js', type: 'text/javascript' },
  'react-dom.js': { pkg: 'graphiql-react-dom', file: 'umd/react-dom.production.min.js', type: 'text/javascript' },
  'graphiql.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript' },
  'graphiql.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css' },
};

// The UMD bundles are not in the packages' "exports", so resolve the package folder.
function assetPath(pkg: string, file: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Samverkan GraphiQL</title>
<link rel="stylesheet" href="/graphiql/assets/graphiql.css">
<style>body{margin:0;height:100vh}#graphiql{height:100vh}</style>
</head>
<body>
<div id="graphiql">Loading…</div>
<script src="/graphiql/assets/react.js"></script>
<script src="/graphiql/assets/react-dom.js"></script>
<script src="/graphiql/assets/graphiql.js"></script>
<script src="/graphiql/assets/start.js"></script>
</body>
</html>`;

// Kept in its own file so a strict Content-Security-Policy needs no inline script.
const START = `
const fetcher = GraphiQL.createFetcher({ url: '/graphql', headers: { 'apollo-require-preflight': 'true' } });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultEditorToolsVisibility: true, shouldPersistHeaders: true }),
);`;

@Controller('graphiql')
export class GraphiqlController {
  private readonly cache = new Map<string, Buffer>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Allow(Permission.Public)
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(): string {
    // Without introspection (production) GraphiQL cannot work: do not offer it.
    if (this.config.NODE_ENV === 'production') throw new NotFoundException();
    return PAGE;
  }

  @Allow(Permission.Public)
  @Get('assets/:name')
  asset(@Param('name') name: string, @Res() res: Response): void {
    if (this.config.NODE_ENV === 'production') throw new NotFoundException();
    if (name === 'start.js') {
      res.type('text/javascript').send(START);
      return;
    }
    const asset = ASSETS[name];
    if (!asset) throw new NotFoundException();
    let body = this.cache.get(name);
    if (!body) {
      body = readFileSync(assetPath(asset.pkg, asset.file));
      this.cache.set(name, body);
    }
    res.type(asset.type).setHeader('Cache-Control', 'public, max-age=86400').send(body);
  }
}
