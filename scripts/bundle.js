#!/usr/bin/env node
/**
 * Bundles the extension, the language server, the CLI and the scanning threads into dist/, one bundle per entry
 * point, named after it. Each bundle reads the glossary from `glossary/plaid-glossary.json` beside dist/ at
 * start-up instead of carrying its own copy: the file ships once (the VSIX has it anyway), where four copies of it
 * were a tenth of the package. The security tests build the same entry points with the same options, unminified.
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const GLOSSARY = path.join(ROOT, 'glossary', 'plaid-glossary.json');

/** The entry points; each becomes `dist/<basename>.js`. */
const ENTRY_POINTS = ['client/src/extension.ts', 'server/src/server.ts', 'server/src/serverMain.ts', 'server/src/cli/cli.ts', 'server/src/cli/scanWorker.ts'];

/** Resolves the glossary import to a `require` of the shipped file, relative to dist/. */
const sharedGlossary = {
  name: 'shared-glossary',
  setup(build) {
    build.onResolve({ filter: /plaid-glossary\.json$/ }, (args) => {
      if (path.resolve(args.resolveDir, args.path) !== GLOSSARY) return undefined;
      return { path: '../glossary/plaid-glossary.json', external: true };
    });
  },
};

/** The esbuild options every bundle shares, without minification and the banner. */
const BUNDLE_OPTIONS = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  mainFields: ['module', 'main'],
  plugins: [sharedGlossary],
  logLevel: 'warning',
};

async function main() {
  const esbuild = require('esbuild');
  await esbuild.build({
    ...BUNDLE_OPTIONS,
    entryPoints: ENTRY_POINTS,
    outdir: 'dist',
    entryNames: '[name]',
    minify: true,
    banner: { js: '#!/usr/bin/env node' },
  });
  fs.chmodSync(path.join(ROOT, 'dist', 'cli.js'), 0o755);
}

if (require.main === module) main().catch(() => process.exit(1));

module.exports = { ENTRY_POINTS, BUNDLE_OPTIONS };
