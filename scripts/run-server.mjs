#!/usr/bin/env node
// Bundles the reference billing server (server/src, TypeScript) for Node with esbuild into
// .cache/server/ and, when run directly, starts it: `npm run server -- --port 8787 --scenario overdue-35`.
// Node 20 cannot run TypeScript itself; better-sqlite3 (native) and pg (optional native
// bindings) stay external, the rest is bundled.
import { build, stop as stopEsbuild } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** esbuild options shared with scripts/test-server.mjs. */
export const nodeBundleOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'inline',
  external: ['better-sqlite3', 'pg'],
  // Bundled CommonJS dependencies (card-validator) call require(): give the ESM bundle one.
  banner: { js: "import { createRequire as __billingCreateRequire } from 'node:module'; const require = __billingCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  absWorkingDir: root,
};

/**
 * Bundles server/src/index.ts; resolves to the bundle's path. Next to it, `cli.mjs` runs the
 * bundle's `main()` (`node .cache/server/cli.mjs --port 0 …`, for tests that need a separate process).
 */
export async function buildServer(outfile = join(root, '.cache/server/index.mjs')) {
  await build({ ...nodeBundleOptions, entryPoints: [join(root, 'server/src/index.ts')], outfile });
  await writeFile(
    join(dirname(outfile), 'cli.mjs'),
    `import { main } from './${basename(outfile)}';\nawait main(process.argv.slice(2));\n`,
  );
  return outfile;
}

/** Bundles and imports the server module (startBillingServer, main, …). */
export async function loadServer(outfile) {
  const file = await buildServer(outfile);
  return import(`${pathToFileURL(file).href}?v=${Date.now()}`);
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const server = await loadServer();
  await stopEsbuild(); // no esbuild service process next to a long-running server
  await server.main(process.argv.slice(2));
}
