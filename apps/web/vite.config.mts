import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.API_URL ?? 'http://localhost:3000';
// Everything the API serves itself; the dev server hands these to it and the rest to the app.
const apiRoutes = ['/graphql', '/health', '/metrics', '/reports', '/mail-actions', '/calendar', '/admin', '/login', '/logout', '/graphiql', '/files', '/documents'];

/**
 * The web application. `npm run build` writes it to dist/web, which the API
 * serves at `/`; `npm run dev:web` serves it with hot reload and sends the API's
 * routes to a running API (API_URL, default http://localhost:3000).
 */
export default defineConfig(({ command }) => {
  // A build is always the production build (React's development build is 3x larger and its JSX
  // runtime differs), even when run from Jest's global setup, which sets NODE_ENV=test.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return config;
});

const config = {
  root,
  plugins: [react()],
  build: { outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)), emptyOutDir: true, sourcemap: true },
  server: {
    port: Number(process.env.WEB_PORT ?? 5173),
    // The API checks that cookie-authenticated requests come from its own origin: present ours as its.
    proxy: Object.fromEntries(apiRoutes.map((route) => [route, { target: api, changeOrigin: true, headers: { origin: api } }])),
  },
};
