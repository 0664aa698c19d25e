import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API, its OpenAPI document and docs are served by `tandem start`; in development Vite proxies
// them so the browser sees one origin, as it does in production.
const api = 'http://127.0.0.1:8080';

export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app, so they get chunks of their own to stay cached.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'mantine', test: /node_modules[\\/](@mantine|@floating-ui)[\\/]/ },
            { name: 'tanstack', test: /node_modules[\\/]@tanstack[\\/]/ },
            { name: 'vendor', test: /node_modules/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': api,
      '/openapi.json': api,
      '/docs': api,
      '/healthz': api,
    },
  },
});
