import * as assert from 'assert';
import { envReadImport, type ImportEdit, type SourceLanguage } from '../../../server/src/engine';

function apply(text: string, edit: ImportEdit | undefined): string {
  assert.ok(edit, 'an import edit');
  return text.slice(0, edit.range.start) + edit.text + text.slice(edit.range.end);
}

interface Row {
  name: string;
  text: string;
  /** The text once the import is added; undefined when none is needed. */
  expected: string | undefined;
}

function runRows(language: SourceLanguage, rows: Row[]): void {
  for (const { name, text, expected } of rows) {
    test(name, () => {
      const edit = envReadImport(language, text);
      if (expected === undefined) {
        assert.strictEqual(edit, undefined);
        return;
      }
      const fixed = apply(text, edit);
      assert.strictEqual(fixed, expected);
      assert.strictEqual(envReadImport(language, fixed), undefined, 'once added, the import is seen');
    });
  }
}

suite('envReadImport: Python', () => {
  runRows('python', [
    { name: 'adds import os at the top of a file without imports', text: 'SECRET = os.environ["S"]\n', expected: 'import os\nSECRET = os.environ["S"]\n' },
    { name: 'adds it after the last of the opening imports', text: 'import sys\nfrom plaid import Configuration\n\nSECRET = 1\n', expected: 'import sys\nfrom plaid import Configuration\nimport os\n\nSECRET = 1\n' },
    { name: 'keeps a shebang and an encoding line first', text: '#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\n\nSECRET = 1\n', expected: '#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\nimport os\n\nSECRET = 1\n' },
    { name: 'goes after a module docstring', text: '"""Plaid client.\n\nReads keys.\n"""\n\nSECRET = 1\n', expected: '"""Plaid client.\n\nReads keys.\n"""\nimport os\n\nSECRET = 1\n' },
    { name: 'goes after a one-line docstring and a __future__ import', text: "'''Client.'''\nfrom __future__ import annotations\n\nX = 1\n", expected: "'''Client.'''\nfrom __future__ import annotations\nimport os\n\nX = 1\n" },
    { name: 'goes after a parenthesised import spread over lines', text: 'from plaid.api import (\n    plaid_api,  # the API\n)\nX = 1\n', expected: 'from plaid.api import (\n    plaid_api,  # the API\n)\nimport os\nX = 1\n' },
    { name: 'goes after a backslash continuation', text: 'from plaid import a, \\\n    b\nX = 1\n', expected: 'from plaid import a, \\\n    b\nimport os\nX = 1\n' },
    { name: 'stops at the first other statement, never inside a block', text: 'import sys\nif sys.version_info > (3,):\n    import json\nX = 1\n', expected: 'import sys\nimport os\nif sys.version_info > (3,):\n    import json\nX = 1\n' },
    { name: 'keeps CRLF line endings', text: 'import sys\r\nX = 1\r\n', expected: 'import sys\r\nimport os\r\nX = 1\r\n' },
    { name: 'puts it on its own line after a last import without a line break', text: 'import sys', expected: 'import sys\nimport os\n' },
    { name: 'needs nothing when os is imported', text: 'import os\nX = 1\n', expected: undefined },
    { name: 'needs nothing when os is one of several names', text: 'import sys, os  # both\nX = 1\n', expected: undefined },
    { name: 'needs nothing after import os.path, which binds os', text: 'import os.path\nX = 1\n', expected: undefined },
    { name: 'still adds it when os is imported under another name', text: 'import os as system\nX = 1\n', expected: 'import os as system\nimport os\nX = 1\n' },
    { name: 'still adds it when only names from os are imported', text: 'from os import environ\nX = 1\n', expected: 'from os import environ\nimport os\nX = 1\n' },
    { name: 'still adds it when os is imported inside a function only', text: 'def f():\n    import os\n', expected: 'import os\ndef f():\n    import os\n' },
    { name: 'does not take a module named like os for it', text: 'import osmosis\nX = 1\n', expected: 'import osmosis\nimport os\nX = 1\n' },
  ]);
});

suite('envReadImport: Go', () => {
  runRows('go', [
    {
      name: 'adds "os" to an import block in sorted order',
      text: 'package main\n\nimport (\n\t"fmt"\n\t"strings"\n)\n',
      expected: 'package main\n\nimport (\n\t"fmt"\n\t"os"\n\t"strings"\n)\n',
    },
    {
      name: 'adds it at the end of the first group of a block',
      text: 'package main\n\nimport (\n\t"context"\n\t"fmt"\n\n\tplaid "github.com/plaid/plaid-go/v29/plaid"\n)\n',
      expected: 'package main\n\nimport (\n\t"context"\n\t"fmt"\n\t"os"\n\n\tplaid "github.com/plaid/plaid-go/v29/plaid"\n)\n',
    },
    {
      name: 'adds it before the closing parenthesis when every path sorts first',
      text: 'package main\n\nimport (\n    "fmt" // printing\n)\n',
      expected: 'package main\n\nimport (\n    "fmt" // printing\n    "os"\n)\n',
    },
    {
      name: 'puts "os" before "os/exec"',
      text: 'package main\n\nimport (\n\t"fmt"\n\t"os/exec"\n)\n',
      expected: 'package main\n\nimport (\n\t"fmt"\n\t"os"\n\t"os/exec"\n)\n',
    },
    {
      name: 'adds it to a block written on one line',
      text: 'package main\n\nimport ("fmt")\n',
      expected: 'package main\n\nimport ("os"; "fmt")\n',
    },
    {
      name: 'turns a single import into a block',
      text: 'package main\n\nimport "fmt"\n\nfunc main() {}\n',
      expected: 'package main\n\nimport (\n\t"fmt"\n\t"os"\n)\n\nfunc main() {}\n',
    },
    {
      name: 'keeps the alias of a single import and sorts by path',
      text: 'package main\r\n\r\nimport plaid "github.com/plaid/plaid-go/plaid"\r\n',
      expected: 'package main\r\n\r\nimport (\r\n\tplaid "github.com/plaid/plaid-go/plaid"\r\n\t"os"\r\n)\r\n',
    },
    {
      name: 'puts a new import after the package clause',
      text: '// Package main talks to Plaid.\npackage main\n\nvar secret = os.Getenv("S")\n',
      expected: '// Package main talks to Plaid.\npackage main\n\nimport "os"\n\nvar secret = os.Getenv("S")\n',
    },
    { name: 'needs nothing when "os" is in a block', text: 'package main\n\nimport (\n\t"fmt"\n\t"os"\n)\n', expected: undefined },
    { name: 'needs nothing after a single import "os"', text: 'package main\n\nimport "os"\n', expected: undefined },
    { name: 'has no place for it without a package clause', text: 'var secret = os.Getenv("S")\n', expected: undefined },
    {
      name: 'still adds it when "os" only sits in a comment of the block',
      text: 'package main\n\nimport (\n\t"fmt" // not "os"\n)\n',
      expected: 'package main\n\nimport (\n\t"fmt" // not "os"\n\t"os"\n)\n',
    },
  ]);
});

suite('envReadImport: languages that need no import', () => {
  const rows: [language: SourceLanguage, text: string][] = [
    ['javascript', 'const s = process.env.PLAID_SECRET;\n'],
    ['typescript', 'const s = process.env.PLAID_SECRET;\n'],
    ['java', 'String s = System.getenv("PLAID_SECRET");\n'],
    ['ruby', 'S = ENV["PLAID_SECRET"]\n'],
    ['shell', 'S="$PLAID_SECRET"\n'],
  ];
  for (const [language, text] of rows) {
    test(`${language} reads the environment without an import`, () => assert.strictEqual(envReadImport(language, text), undefined));
  }
});
