import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    retail: 'src/retail.ts',
    autocapture: 'src/autocapture.ts',
    'web-vitals': 'src/webVitals.ts',
    errors: 'src/errors.ts',
    miniprogram: 'src/miniprogram.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2020',
  treeshake: true,
  // The few core constants the tracker uses (EVENT_TYPES, MemberkitError) are
  // inlined from core's sources, module by module, so zod can never reach a
  // storefront bundle whatever the shape of core's own build. Types still
  // come from @memberkit/core.
  noExternal: ['@memberkit/core'],
  esbuildOptions: (o) => {
    o.conditions = ['source'];
  },
});
