/**
 * `plaid-lens decode` and `plaid-lens glossary` as child processes: anatomy, problems, lifecycle facts from the
 * glossary, masking, stdin, JSON output and exit codes.
 */
import * as assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { CATEGORY_TITLES, entries, getEntry, tokenEntries } from '../../server/src/engine';
import { assertCliBuilt, leakedValues, makeTempDir, removeTree, runCli } from './cliHarness';

interface DecodedJson {
  token: string;
  valid: boolean;
  type: { value: string; known: boolean; entryId?: string };
  environment: { value: string; entryId?: string; status?: string };
  tail: { kind: string; masked: string };
  problems: { kind: string; message: string; suggestion?: string }[];
  lifecycle: unknown;
}

suite('CLI decode', () => {
  let cwd: string;

  suiteSetup(() => {
    assertCliBuilt();
    cwd = makeTempDir('decode');
  });

  suiteTeardown(() => removeTree(cwd));

  const wellFormed = tokenEntries.flatMap((entry) =>
    entry.token.prefixes.filter(() => entry.token.tail === 'uuid').map((prefix) => ({ entry, prefix })),
  );
  for (const { entry, prefix } of wellFormed) {
    test(`Should decode a well-formed ${prefix}- token as ${entry.term}, exit 0, and give its lifecycle`, async () => {
      const tail = randomUUID();
      const run = await runCli(['decode', '--json', `${prefix}-production-${tail}`], cwd);
      assert.equal(run.code, 0, run.stdout);
      const decoded = JSON.parse(run.stdout) as DecodedJson;
      assert.equal(decoded.valid, true);
      assert.equal(decoded.type.entryId, entry.id);
      assert.equal(decoded.environment.entryId, 'production');
      assert.deepEqual(decoded.lifecycle, entry.token);
      assert.deepEqual(leakedValues(run.stdout + run.stderr, [tail, tail.replace(/-/g, '')]), []);
    });
  }

  const defects: { name: string; token: (u: string) => string; kind: string; suggestion?: string }[] = [
    { name: 'a misspelt type', token: (u) => `acess-sandbox-${u}`, kind: 'unknown-type', suggestion: 'access' },
    { name: 'an unknown environment', token: (u) => `access-prod-${u}`, kind: 'unknown-environment', suggestion: 'production' },
    { name: 'the Development environment', token: (u) => `access-development-${u}`, kind: 'decommissioned-environment' },
    { name: 'an uppercase UUID', token: (u) => `access-sandbox-${u.toUpperCase()}`, kind: 'uuid-uppercase' },
    { name: 'a truncated UUID', token: (u) => `access-sandbox-${u.slice(0, -2)}`, kind: 'uuid-length' },
    { name: 'a non-hex UUID', token: (u) => `access-sandbox-${u.slice(0, -2)}zz`, kind: 'uuid-not-hex' },
    { name: 'a bad UUID version', token: (u) => `access-sandbox-${u.slice(0, 14)}0${u.slice(15)}`, kind: 'uuid-version' },
    { name: 'a bad UUID variant', token: (u) => `access-sandbox-${u.slice(0, 19)}c${u.slice(20)}`, kind: 'uuid-variant' },
    { name: 'no UUID at all', token: () => 'access-sandbox', kind: 'missing-uuid' },
  ];
  for (const d of defects) {
    test(`Should report ${d.name}, exit 1, and never print the token whole`, async () => {
      // The last digit is a letter, so that uppercasing always changes the UUID.
      const tail = `${randomUUID().slice(0, -1)}f`;
      const token = d.token(tail);
      const run = await runCli(['decode', '--json', token], cwd);
      assert.equal(run.code, 1);
      const decoded = JSON.parse(run.stdout) as DecodedJson;
      assert.equal(decoded.valid, false);
      assert.deepEqual(decoded.problems.map((p) => p.kind), [d.kind]);
      assert.equal(decoded.problems[0].suggestion, d.suggestion);
      const secretParts = [tail, tail.toUpperCase(), tail.slice(0, -2)].filter((part) => token.includes(part));
      const whole = secretParts.length > 0 ? [token, ...secretParts] : [];
      assert.deepEqual(leakedValues(run.stdout + run.stderr, whole), []);
    });
  }

  test('Should print the anatomy, status and lifecycle as text', async () => {
    const tail = randomUUID();
    const run = await runCli(['decode', `access-sandbox-${tail}`], cwd);
    assert.equal(run.code, 0);
    const access = getEntry('access-token')!;
    assert.match(run.stdout, /^access-sandbox-…[0-9a-f]{4}$/m);
    assert.match(run.stdout, /^ {2}Type +access \(Access token\)$/m);
    assert.match(run.stdout, /^ {2}Environment +sandbox \(Sandbox\)$/m);
    assert.match(run.stdout, /^ {2}Status +✔ well-formed$/m);
    assert.ok(run.stdout.includes(`Lifecycle: ${access.term}`));
    for (const fact of [access.token!.lifetime.text, access.token!.obtained, access.token!.revoked]) assert.ok(run.stdout.includes(fact), fact);
    assert.deepEqual(leakedValues(run.stdout, [tail]), []);
  });

  test('Should list every problem with its suggestion in text', async () => {
    const run = await runCli(['decode', `access-prod-${randomUUID()}`], cwd);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /^ {2}Status +✖ 1 problem$/m);
    assert.match(run.stdout, /^ {4}✖ `prod` is not a Plaid environment; did you mean `production`\?$/m);
  });

  test('Should say where the decommissioned environment stands', async () => {
    const run = await runCli(['decode', `access-development-${randomUUID()}`], cwd);
    const development = getEntry('development')!.environment!;
    assert.ok(run.stdout.includes(`decommissioned on ${development.decommissionedOn}`), run.stdout);
  });

  test('Should read the token from stdin when given -', async () => {
    const tail = randomUUID();
    const run = await runCli(['decode', '--json', '-'], cwd, `  public-sandbox-${tail}\n`);
    assert.equal(run.code, 0, run.stderr);
    const decoded = JSON.parse(run.stdout) as DecodedJson;
    assert.equal(decoded.type.entryId, 'public-token');
    assert.deepEqual(leakedValues(run.stdout, [tail]), []);
  });

  test('Should be a usage error when stdin holds no token', async () => {
    const run = await runCli(['decode', '-'], cwd, '\n');
    assert.equal(run.code, 2);
    assert.match(run.stderr, /no token on stdin/);
  });

  test('Should mask a secret pasted in place of a token', async () => {
    const secret = randomBytes(15).toString('hex');
    const run = await runCli(['decode', secret], cwd);
    assert.equal(run.code, 1);
    assert.deepEqual(leakedValues(run.stdout + run.stderr, [secret, secret.slice(0, 16)]), []);
  });
});

suite('CLI glossary', () => {
  let cwd: string;

  suiteSetup(() => {
    assertCliBuilt();
    cwd = makeTempDir('glossary');
  });

  suiteTeardown(() => removeTree(cwd));

  test('Should list every entry under its category, in the glossary order', async () => {
    const run = await runCli(['glossary'], cwd);
    assert.equal(run.code, 0);
    const lines = run.stdout.split('\n');
    const titles = Object.values(CATEGORY_TITLES);
    assert.deepEqual(lines.filter((l) => titles.includes(l)), titles);
    const listed = lines.map((l) => /^ {2}(\S+) /.exec(l)?.[1]).filter((id): id is string => id !== undefined);
    const byCategory = Object.keys(CATEGORY_TITLES).flatMap((c) => entries.filter((e) => e.category === c).map((e) => e.id));
    assert.deepEqual(listed, byCategory);
  });

  test('Should print every entry as JSON', async () => {
    const run = await runCli(['glossary', '--json'], cwd);
    assert.deepEqual(JSON.parse(run.stdout), JSON.parse(JSON.stringify(entries)));
  });

  const lookups: { args: string[]; id: string }[] = [
    { args: ['access_token'], id: 'access-token' },
    { args: ['access', 'token'], id: 'access-token' },
    { args: ['PLAID_CLIENT_ID'], id: 'client-id' },
    { args: ['development'], id: 'development' },
    { args: ['linkToken'], id: 'link-token' },
  ];
  for (const l of lookups) {
    test(`Should show the ${l.id} entry for \`glossary ${l.args.join(' ')}\``, async () => {
      const entry = getEntry(l.id)!;
      const text = await runCli(['glossary', ...l.args], cwd);
      assert.equal(text.code, 0);
      assert.ok(text.stdout.startsWith(`${entry.term} (${entry.id}, ${CATEGORY_TITLES[entry.category]})`), text.stdout);
      assert.ok(text.stdout.includes(entry.summary));
      const json = await runCli(['glossary', '--json', ...l.args], cwd);
      assert.deepEqual(JSON.parse(json.stdout), JSON.parse(JSON.stringify(entry)));
    });
  }

  test('Should exit 1 with a message when nothing matches', async () => {
    const run = await runCli(['glossary', 'mortgage', 'calculator'], cwd);
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /no glossary entry matches "mortgage calculator"/);
  });
});
