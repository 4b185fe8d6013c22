import * as assert from 'assert';
import { disableComment, scan, type RuleId } from '../../../server/src/engine';
import { flaggedText, SECRET, UUID } from './helpers';

const PROD = `access-production-${UUID}`;
const DEV_URL = 'https://development.plaid.com';

interface SuppressionRow {
  name: string;
  file: string;
  text: string;
  /** `rule@flagged text` for every finding left after suppression, in order. */
  left: string[];
}

function leftAfterSuppression(row: SuppressionRow): string[] {
  return scan(row.text, { fileName: row.file }).map((f) => `${f.rule}@${flaggedText(row.text, f)}`);
}

suite('suppression comments', () => {
  const rows: SuppressionRow[] = [
    // disable-next-line
    { name: '// disable-next-line silences every rule on the next line', file: 'a.ts', text: `// plaid-lens-disable-next-line\nconst t = '${PROD}';`, left: [] },
    { name: '// disable-next-line with the rule silences it', file: 'a.ts', text: `// plaid-lens-disable-next-line hardcoded-token\nconst t = '${PROD}';`, left: [] },
    { name: '// disable-next-line naming another rule silences nothing', file: 'a.ts', text: `// plaid-lens-disable-next-line malformed-token\nconst t = '${PROD}';`, left: [`hardcoded-token@${PROD}`] },
    { name: '// disable-next-line leaves the line after next alone', file: 'a.ts', text: `// plaid-lens-disable-next-line\n\nconst t = '${PROD}';`, left: [`hardcoded-token@${PROD}`] },
    { name: '# disable-next-line in Python', file: 'a.py', text: `# plaid-lens-disable-next-line development-environment\nHOST = "${DEV_URL}"`, left: [] },
    { name: '# disable-next-line in YAML with two rules', file: 'a.yaml', text: `# plaid-lens-disable-next-line hardcoded-secret, hardcoded-client-id\nplaid_secret: ${SECRET}`, left: [] },
    { name: '# disable-next-line in a dotenv example', file: '.env.example', text: `# plaid-lens-disable-next-line\nPLAID_SECRET=${SECRET}`, left: [] },
    { name: '<!-- --> disable-next-line in Markdown', file: 'a.md', text: `<!-- plaid-lens-disable-next-line development-environment -->\n${DEV_URL}`, left: [] },
    { name: '<!-- --> with no space before the close', file: 'a.md', text: `<!--plaid-lens-disable-next-line development-environment-->\n${DEV_URL}`, left: [] },
    { name: '/* */ disable-next-line in Java', file: 'A.java', text: `/* plaid-lens-disable-next-line hardcoded-token */\nString t = "${PROD}";`, left: [] },
    { name: '/* */ with no space before the close', file: 'a.go', text: `/* plaid-lens-disable-next-line hardcoded-token*/\nt := "${PROD}"`, left: [] },
    { name: 'a reason after -- keeps the rule list', file: 'a.ts', text: `// plaid-lens-disable-next-line hardcoded-token -- fixture for the exchange test\nconst t = '${PROD}';`, left: [] },
    { name: 'a reason after -- with no rules silences all', file: 'a.ts', text: `// plaid-lens-disable-next-line -- fixture\nconst t = '${PROD}';`, left: [] },
    { name: 'a misspelt rule silences nothing', file: 'a.ts', text: `// plaid-lens-disable-next-line hardcoded-tokens\nconst t = '${PROD}';`, left: [`hardcoded-token@${PROD}`] },
    { name: 'a longer directive name is not a directive', file: 'a.ts', text: `// plaid-lens-disable-next-lines\nconst t = '${PROD}';`, left: [`hardcoded-token@${PROD}`] },
    { name: 'CRLF line endings', file: 'a.ts', text: `// plaid-lens-disable-next-line\r\nconst t = '${PROD}';\r\nconst u = '${PROD}';`, left: [`hardcoded-token@${PROD}`] },
    // disable-line
    { name: '// disable-line silences its own line', file: 'a.ts', text: `const t = '${PROD}'; // plaid-lens-disable-line`, left: [] },
    { name: '// disable-line with the rule', file: 'a.js', text: `const t = '${PROD}'; // plaid-lens-disable-line hardcoded-token`, left: [] },
    { name: '// disable-line naming another rule', file: 'a.js', text: `const t = '${PROD}'; // plaid-lens-disable-line expiring-token`, left: [`hardcoded-token@${PROD}`] },
    { name: '# disable-line in Ruby', file: 'a.rb', text: `t = '${PROD}' # plaid-lens-disable-line hardcoded-token`, left: [] },
    { name: '# disable-line in shell leaves the next line alone', file: 'a.sh', text: `X=1 # plaid-lens-disable-line\nexport PLAID_ENV=development`, left: ['development-environment@development'] },
    { name: '/* */ disable-line in Go', file: 'a.go', text: `t := "${PROD}" /* plaid-lens-disable-line */`, left: [] },
    { name: '<!-- --> disable-line in Markdown', file: 'a.md', text: `${DEV_URL} <!-- plaid-lens-disable-line development-environment -->`, left: [] },
    { name: 'disable-line silences only the named one of two rules', file: 'a.py', text: `t = "access-development-${UUID}"  # plaid-lens-disable-line hardcoded-token`, left: ['development-environment@development'] },
    // disable (rest of file)
    { name: '// disable silences the rest of the file', file: 'a.ts', text: `// plaid-lens-disable\nconst t = '${PROD}';\nconst u = '${DEV_URL}';`, left: [] },
    { name: '// disable does not reach back above itself', file: 'a.ts', text: `const t = '${PROD}';\n// plaid-lens-disable\nconst u = '${PROD}';`, left: [`hardcoded-token@${PROD}`] },
    { name: '# disable with a rule silences only that rule', file: 'a.py', text: `# plaid-lens-disable development-environment\nu = "${DEV_URL}"\nt = "${PROD}"`, left: [`hardcoded-token@${PROD}`, 'environment-mismatch@production'] },
    { name: '/* */ disable with three rules', file: 'A.java', text: `/* plaid-lens-disable hardcoded-token development-environment environment-mismatch */\nString t = "${PROD}";\nString u = "${DEV_URL}";`, left: [] },
    { name: '<!-- --> disable in Markdown', file: 'a.md', text: `Intro\n<!-- plaid-lens-disable -->\n${DEV_URL}\n${PROD}`, left: [] },
    { name: '# disable in YAML naming another rule', file: 'a.yaml', text: `# plaid-lens-disable malformed-token\nplaid_secret: ${SECRET}`, left: [`hardcoded-secret@${SECRET}`] },
    { name: 'a directive mentioned in prose silences nothing', file: 'README.md', text: `Add \`plaid-lens-disable\` comments where needed.\n${DEV_URL}`, left: [`development-environment@${DEV_URL}`] },
  ];
  for (const row of rows) test(row.name, () => assert.deepStrictEqual(leftAfterSuppression(row), row.left));

  test('every row without suppression would report something', () => {
    for (const row of rows) {
      const unsuppressed = row.text.replace(/plaid-lens-disable/g, 'plaid-lens-enable');
      assert.ok(scan(unsuppressed, { fileName: row.file }).length > 0, row.name);
    }
  });
});

suite('disableComment', () => {
  const rows: [kind: 'next-line' | 'file', rules: RuleId[], file: string | undefined, languageId: string | undefined, expected: string | undefined][] = [
    ['next-line', ['hardcoded-secret'], 'src/a.ts', undefined, '// plaid-lens-disable-next-line hardcoded-secret'],
    ['next-line', ['hardcoded-token', 'malformed-token'], 'a.js', undefined, '// plaid-lens-disable-next-line hardcoded-token malformed-token'],
    ['next-line', ['hardcoded-secret'], 'a.py', undefined, '# plaid-lens-disable-next-line hardcoded-secret'],
    ['next-line', [], 'main.go', undefined, '// plaid-lens-disable-next-line'],
    ['next-line', ['development-environment'], 'A.java', undefined, '// plaid-lens-disable-next-line development-environment'],
    ['next-line', ['hardcoded-token'], 'a.rb', undefined, '# plaid-lens-disable-next-line hardcoded-token'],
    ['file', ['hardcoded-secret'], 'config.yml', undefined, '# plaid-lens-disable hardcoded-secret'],
    ['file', [], '.env.example', undefined, '# plaid-lens-disable'],
    ['next-line', ['development-environment'], 'README.md', undefined, '<!-- plaid-lens-disable-next-line development-environment -->'],
    ['file', [], 'deploy.sh', undefined, '# plaid-lens-disable'],
    ['next-line', ['expiring-token'], undefined, 'typescriptreact', '// plaid-lens-disable-next-line expiring-token'],
    ['file', ['environment-mismatch'], 'notes.txt', undefined, '# plaid-lens-disable environment-mismatch'],
    ['next-line', ['hardcoded-secret'], 'pyproject.toml', undefined, '# plaid-lens-disable-next-line hardcoded-secret'],
    ['next-line', ['hardcoded-secret'], 'php.ini', undefined, '; plaid-lens-disable-next-line hardcoded-secret'],
    ['file', [], 'nginx.conf', 'properties', '# plaid-lens-disable'],
    ['next-line', ['development-environment'], 'index.html', undefined, '<!-- plaid-lens-disable-next-line development-environment -->'],
    ['next-line', ['development-environment'], 'pom.xml', undefined, '<!-- plaid-lens-disable-next-line development-environment -->'],
    ['next-line', ['development-environment'], 'site.css', undefined, '/* plaid-lens-disable-next-line development-environment */'],
    ['file', ['hardcoded-token'], 'seed.sql', undefined, '-- plaid-lens-disable hardcoded-token'],
    ['next-line', ['hardcoded-secret'], '.vscode/settings.json', 'jsonc', '// plaid-lens-disable-next-line hardcoded-secret'],
    ['next-line', ['hardcoded-secret'], 'config.json', undefined, undefined],
    ['next-line', ['hardcoded-secret'], 'config.json', 'plaintext', undefined],
    ['file', [], undefined, 'json', undefined],
    ['next-line', ['hardcoded-secret'], 'Program.cs', undefined, undefined],
    ['file', [], undefined, undefined, undefined],
  ];
  for (const [kind, rules, file, languageId, expected] of rows) {
    test(`${file ?? languageId ?? '(no name)'}${file && languageId ? ` as ${languageId}` : ''}: ${expected ?? 'no comment'}`, () =>
      assert.strictEqual(disableComment(kind, rules, file, languageId), expected));
  }

  test('each generated comment silences what it names, in its own language', () => {
    const cases: [file: string, line: string, rule: RuleId][] = [
      ['a.ts', `const t = '${PROD}';`, 'hardcoded-token'],
      ['a.py', `HOST = "${DEV_URL}"`, 'development-environment'],
      ['a.md', DEV_URL, 'development-environment'],
      ['a.yaml', `plaid_secret: ${SECRET}`, 'hardcoded-secret'],
      ['A.java', `String t = "${PROD}";`, 'hardcoded-token'],
      ['pyproject.toml', `plaid_secret = "${SECRET}"`, 'hardcoded-secret'],
      ['php.ini', `plaid_secret = ${SECRET}`, 'hardcoded-secret'],
      ['nginx.conf', `proxy_pass ${DEV_URL};`, 'development-environment'],
      ['index.html', `<a href="${DEV_URL}">Plaid</a>`, 'development-environment'],
      ['site.css', `.logo { background: url("${DEV_URL}/logo.png"); }`, 'development-environment'],
      ['seed.sql', `INSERT INTO items (token) VALUES ('${PROD}');`, 'hardcoded-token'],
      ['.vscode/settings.json', `{ "plaid.secret": "${SECRET}" }`, 'hardcoded-secret'],
    ];
    for (const [file, line, rule] of cases) {
      assert.strictEqual(scan(line, { fileName: file }).filter((f) => f.rule === rule).length, 1, file);
      const text = `${disableComment('next-line', [rule], file, file.endsWith('.json') ? 'jsonc' : undefined)}\n${line}`;
      assert.deepStrictEqual(scan(text, { fileName: file }).filter((f) => f.rule === rule), [], file);
    }
  });
});
