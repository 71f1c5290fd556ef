import { defineConfig } from 'tsup';

// ESM only: the binary and the library entry. The bin gets a shebang so
// `npx memberkit` and a global install can run it directly.
export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'node',
  },
  {
    entry: { memberkit: 'src/bin/memberkit.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
