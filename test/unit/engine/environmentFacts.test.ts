/**
 * The facts the rules read from the glossary rather than from their own code: which environments hold real data,
 * the abbreviations of environment names, and the severities the rule catalogue gives prose.
 */
import * as assert from 'assert';
import { RULES, scan, type RuleId, type SeverityLevel } from '../../../server/src/engine';
import { activeEnvironments, environmentAliases, environmentSegments } from '../../../server/src/engine/glossary';
import { closestEnvironments } from '../../../server/src/engine/tokens';
import { UUID } from './helpers';

function severityOf(rule: RuleId, text: string, fileName: string, rules?: Partial<Record<RuleId, SeverityLevel>>): string | undefined {
  return scan(text, { fileName, ...(rules ? { rules } : {}) }).find((f) => f.rule === rule)?.severity;
}

suite('hardcoded-token: severity from the environment facts', () => {
  for (const [segment, env] of environmentSegments) {
    const expected = env.environment.realData ? 'error' : 'warning';
    test(`a hard-coded ${segment} access token is an ${expected}: ${env.term} ${env.environment.realData ? 'holds' : 'holds no'} real data`, () => {
      assert.strictEqual(severityOf('hardcoded-token', `const t = "access-${segment}-${UUID}";`, 'a.ts'), expected);
    });
  }

  test('follows realData, not the name of the environment', () => {
    const sandbox = environmentSegments.get('sandbox')!.environment;
    const text = `const t = "access-sandbox-${UUID}";`;
    assert.strictEqual(severityOf('hardcoded-token', text, 'a.ts'), 'warning');
    sandbox.realData = true;
    try {
      assert.strictEqual(severityOf('hardcoded-token', text, 'a.ts'), 'error');
    } finally {
      sandbox.realData = false;
    }
  });

  test('a configured severity still wins over the gentler default', () => {
    assert.strictEqual(severityOf('hardcoded-token', `t = "access-sandbox-${UUID}"`, 'a.py', { 'hardcoded-token': 'error' }), 'error');
  });

  test('the catalogue note names the environments without real data', () => {
    assert.strictEqual(RULES['hardcoded-token'].severityNote, 'warning for Sandbox tokens');
  });
});

suite('environment aliases from the glossary', () => {
  test('the glossary holds the abbreviations people write', () => {
    assert.deepStrictEqual(
      [...environmentAliases].sort(),
      [['dev', 'development'], ['devel', 'development'], ['prd', 'production'], ['prod', 'production'], ['sb', 'sandbox'], ['sbx', 'sandbox']],
    );
  });

  const active = activeEnvironments.map((e) => e.environment.segment).sort();
  for (const [alias, segment] of environmentAliases) {
    const decommissioned = environmentSegments.get(segment)?.environment.status === 'decommissioned';
    const expected = decommissioned ? active : [segment];
    test(`\`${alias}\` suggests ${expected.join(' or ')}`, () => {
      assert.deepStrictEqual(closestEnvironments(alias).sort(), expected);
      const finding = scan(`t = "access-${alias}-${UUID}"`, { fileName: 'a.py' }).find((f) => f.rule === 'malformed-token');
      assert.ok(finding?.fix?.kind === 'replace', 'a malformed-token finding with replacements');
      assert.deepStrictEqual(finding.fix.replacements.map((r) => r.text).sort(), expected);
    });
  }

  test('an alias in capitals is still understood', () => {
    assert.deepStrictEqual(closestEnvironments('PRD'), ['production']);
  });
});

suite('severity in prose from the rule catalogue', () => {
  test('development-environment is the one rule that is gentler in prose', () => {
    const gentle = Object.values(RULES).filter((r) => r.proseSeverity !== undefined);
    assert.deepStrictEqual(gentle.map((r) => [r.id, r.proseSeverity]), [['development-environment', 'warning']]);
    assert.strictEqual(RULES['development-environment'].severityNote, 'warning in prose (Markdown, plain text)');
  });

  const url = 'Use https://development.plaid.com here.';
  const token = `Example: access-development-${UUID}`;
  const rows: [name: string, text: string, file: string, configured: SeverityLevel | undefined, expected: string][] = [
    ['a URL in Markdown', url, 'README.md', undefined, 'warning'],
    ['a URL in plain text', url, 'NOTES.txt', undefined, 'warning'],
    ['a URL in code', `const u = '${url}';`, 'a.ts', undefined, 'error'],
    ['a URL in configuration', `host: ${url}`, 'a.yaml', undefined, 'error'],
    ['a token in Markdown', token, 'README.md', undefined, 'warning'],
    ['a token in code', `t = "access-development-${UUID}"`, 'a.py', undefined, 'error'],
    ['a URL in Markdown, configured as an error', url, 'README.md', 'error', 'error'],
    ['a URL in Markdown, configured as a hint', url, 'README.md', 'hint', 'hint'],
  ];
  for (const [name, text, file, configured, expected] of rows) {
    test(`${name} is reported as ${expected}`, () => {
      const rules = configured ? { 'development-environment': configured } : undefined;
      assert.strictEqual(severityOf('development-environment', text, file, rules), expected);
    });
  }
});
