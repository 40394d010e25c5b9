// SvelteKit configuration: a static single-page app (adapter-static with an index.html fallback),
// served by server/ in production and installable as a PWA.
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ pages: 'build', assets: 'build', fallback: 'index.html', strict: true }),
    serviceWorker: { register: false },
    typescript: {
      config(tsconfig) {
        tsconfig.include.push('../workers/**/*.ts', '../server/**/*.ts', '../tests/**/*.ts', '../scripts/**/*.ts');
        return tsconfig;
      }
    }
  }
};

export default config;
