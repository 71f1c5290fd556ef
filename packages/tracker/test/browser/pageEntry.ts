// The bundle the real-browser tests load into a page, built by esbuild in
// the test setup from the package sources.
import { createTracker } from '../../src/index.ts';
import { retail } from '../../src/retail.ts';

(globalThis as unknown as { mk: unknown }).mk = { createTracker, retail };
