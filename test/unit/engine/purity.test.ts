import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

// Compiled to out/test/unit/engine/, so the repository root is four levels up.
const ENGINE = path.resolve(__dirname, '../../../../server/src/engine');

/** Modules the engine must not reach: it is text in, findings out, with no editor, protocol, disk or network. */
const FORBIDDEN = [/^fs$/, /^fs\//, /^node:/, /^vscode$/, /^vscode-languageserver/, /^child_process$/, /^net$/, /^http$/, /^https$/];

/** Packages known to do no I/O, which the configuration parser uses. */
const PURE_PACKAGES = ['jsonc-parser', 'picomatch', 'picomatch/posix'];

/** Every module specifier a source file imports, requires, or loads dynamically. */
function importsOf(source: string): string[] {
  const specifiers: string[] = [];
  const patterns = [
    /\bimport\s+(?:type\s+)?(?:[\w*{}\s,$]+\s+from\s+)?['"]([^'"]+)['"]/g,
    /\bexport\s+(?:type\s+)?(?:\*|\{[^}]*\})\s*(?:as\s+\w+\s+)?from\s+['"]([^'"]+)['"]/g,
    /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) specifiers.push(m[1]!);
  return specifiers;
}

function engineFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return engineFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

suite('engine purity', () => {
  const files = engineFiles(ENGINE);

  test('the engine sources are where the test looks', () => {
    const names = files.map((f) => path.relative(ENGINE, f).replace(/\\/g, '/'));
    for (const expected of ['index.ts', 'scan.ts', 'tokens.ts', 'decode.ts', 'mask.ts', 'rules/tokenRules.ts']) {
      assert.ok(names.includes(expected), `missing ${expected}`);
    }
  });

  test('the import reader sees every form a forbidden import can take', () => {
    const sample = [
      "import * as fs from 'fs';",
      "import { readFile } from 'node:fs/promises';",
      "import type { Connection } from 'vscode-languageserver';",
      "export * from 'vscode';",
      "const cp = require('child_process');",
      "const net = await import('net');",
      "import './local';",
    ].join('\n');
    assert.deepStrictEqual(importsOf(sample).sort(), ['./local', 'child_process', 'fs', 'net', 'node:fs/promises', 'vscode', 'vscode-languageserver'].sort());
  });

  for (const file of files) {
    const name = path.relative(ENGINE, file).replace(/\\/g, '/');
    test(`${name} imports only engine files, the glossary data and pure packages`, () => {
      const imports = importsOf(fs.readFileSync(file, 'utf8'));
      for (const specifier of imports) {
        assert.ok(!FORBIDDEN.some((re) => re.test(specifier)), `${name} imports ${specifier}`);
        // Relative imports must stay inside the engine, except for the glossary data it is built on.
        if (specifier.startsWith('.')) {
          const target = path.resolve(path.dirname(file), specifier);
          const inside = target.startsWith(ENGINE + path.sep) || target.endsWith(path.join('glossary', 'plaid-glossary.json'));
          assert.ok(inside, `${name} reaches outside the engine: ${specifier}`);
        } else {
          assert.ok(PURE_PACKAGES.includes(specifier), `${name} imports ${specifier}; add it here only if it is pure (no I/O)`);
        }
      }
    });
  }
});
