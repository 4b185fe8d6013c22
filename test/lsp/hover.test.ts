/**
 * Hovers over a real connection: a token's anatomy and lifecycle (masked), a glossary term with its command link,
 * and the Development environment's story in the SDK spelling of the file's language.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HoverRequest, MarkupKind, type Hover, type MarkupContent } from 'vscode-languageserver-protocol';
import { rangeOf } from './edits';
import { ACCESS_SANDBOX, fixtureText, fixtureUri, MALFORMED } from './fixtures';
import { REPO_ROOT, TestServer, withDeadline } from './harness';

interface Entry {
  id: string;
  term: string;
  summary: string;
  token?: { obtained: string; revoked: string; storage: string; lifetime: { text: string } };
  environment?: { decommissionedOn?: string; sdkConstants?: { sdk: string; language: string; constant: string; removedIn?: string }[] };
}

const glossary = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'glossary', 'plaid-glossary.json'), 'utf8')) as { entries: Entry[] };
const entry = (id: string): Entry => glossary.entries.find((e) => e.id === id)!;

/** The command link the hover must carry for an entry. */
function linkTo(id: string): string {
  return `command:plaidLens.showGlossaryEntry?${encodeURIComponent(JSON.stringify([id]))}`;
}

suite('LSP hovers', () => {
  let server: TestServer;
  const tsUri = fixtureUri('hover/tokens.ts');
  const tsText = `const access_token = '${ACCESS_SANDBOX}';\nconst broken = '${MALFORMED}';\nconst link_token = await createLinkToken();\n`;

  suiteSetup(async () => {
    server = await TestServer.start();
    await server.openAndDiagnose(tsUri, 'typescript', tsText);
  });

  suiteTeardown(async () => {
    await server.stop();
  });

  async function hoverAt(uri: string, text: string, needle: string, occurrence = 0): Promise<{ hover: Hover | null; markdown: string }> {
    const { start } = rangeOf(text, needle, occurrence);
    const position = { line: start.line, character: start.character + Math.floor(needle.length / 2) };
    const hover = await withDeadline(server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }), 'hover');
    const contents = hover?.contents as MarkupContent | undefined;
    if (contents !== undefined) assert.equal(contents.kind, MarkupKind.Markdown);
    return { hover, markdown: contents?.value ?? '' };
  }

  test('Should explain a token: anatomy, lifecycle from the glossary, and a link to its entry', async () => {
    const { hover, markdown } = await hoverAt(tsUri, tsText, ACCESS_SANDBOX);
    const access = entry('access-token');
    assert.deepEqual(hover!.range, rangeOf(tsText, ACCESS_SANDBOX));
    assert.ok(markdown.includes('`access-sandbox-…7a34`'), markdown);
    for (const fact of [access.term, access.summary, access.token!.obtained, access.token!.lifetime.text, access.token!.revoked, access.token!.storage]) {
      assert.ok(markdown.includes(fact), `hover lacks: ${fact}`);
    }
    assert.match(markdown, /\*\*Environment:\*\* `sandbox` \(Sandbox\)/);
    assert.match(markdown, /version 4, RFC 4122 variant/);
    assert.ok(markdown.includes(linkTo('access-token')));
  });

  test('Should show a token masked only, never whole and never its UUID', async () => {
    const { markdown } = await hoverAt(tsUri, tsText, ACCESS_SANDBOX);
    assert.ok(!markdown.includes(ACCESS_SANDBOX));
    assert.ok(!markdown.includes(ACCESS_SANDBOX.slice('access-sandbox-'.length)));
  });

  test('Should name a UUID variant Plaid does not issue with the engine words the decoder and CLI use too', async () => {
    const uri = fixtureUri('hover/variant.ts');
    const microsoft = ACCESS_SANDBOX.replace('-a0c8-', '-c0c8-');
    const text = `const access_token = '${microsoft}';\n`;
    await server.openAndDiagnose(uri, 'typescript', text);
    const { markdown } = await hoverAt(uri, text, microsoft);
    assert.match(markdown, /version 4, Microsoft-reserved variant, not RFC 4122/);
    assert.ok(!markdown.includes(microsoft));
  });

  test('Should list the problems of a malformed token', async () => {
    const { markdown } = await hoverAt(tsUri, tsText, MALFORMED);
    assert.match(markdown, /\*\*Problems\*\*\n- .*`prod` is not a Plaid environment.*`production`/);
    assert.ok(!markdown.includes(MALFORMED));
  });

  const terms: { needle: string; id: string }[] = [
    { needle: 'link_token', id: 'link-token' },
    { needle: 'PLAID_SECRET', id: 'secret' },
    { needle: 'item_id', id: 'item-id' },
    { needle: '/item/public_token/exchange', id: 'access-token' },
  ];
  for (const { needle, id } of terms) {
    test(`Should explain the glossary term ${needle} with its summary and a command link`, async () => {
      const uri = fixtureUri(`hover/term-${id}.py`);
      const text = `# ${needle} comes from Plaid\nvalue = response["${needle}"]\n`;
      await server.open(uri, 'python', text);
      const { hover, markdown } = await hoverAt(uri, text, needle, 1);
      assert.deepEqual(hover!.range, rangeOf(text, needle, 1));
      assert.ok(markdown.includes(`**${entry(id).term}**`), markdown);
      assert.ok(markdown.includes(entry(id).summary));
      assert.ok(markdown.includes(linkTo(id)));
    });
  }

  test('Should tell when and why Development went, with the plaid-node spelling in JavaScript', async () => {
    const text = fixtureText('plaid-client.js');
    const uri = fixtureUri('plaid-client.js');
    await server.openAndDiagnose(uri, 'javascript', text);
    const { hover, markdown } = await hoverAt(uri, text, 'PlaidEnvironments.development');
    const development = entry('development').environment!;
    const node = development.sdkConstants!.find((c) => c.sdk === 'plaid-node')!;
    assert.deepEqual(hover!.range, rangeOf(text, 'PlaidEnvironments.development'));
    assert.ok(markdown.includes(`decommissioned on ${development.decommissionedOn}`), markdown);
    assert.ok(markdown.includes(`\`${node.constant}\` was removed in plaid-node ${node.removedIn}`), markdown);
    assert.ok(markdown.includes('`PlaidEnvironments.sandbox`') && markdown.includes('`PlaidEnvironments.production`'));
    assert.ok(markdown.includes(linkTo('development')));
  });

  test('Should use the plaid-python spelling in Python and explain the Development URL', async () => {
    const text = 'import plaid\nhost = plaid.Environment.Development\nurl = "https://development.plaid.com"\n';
    const uri = fixtureUri('hover/env.py');
    await server.openAndDiagnose(uri, 'python', text);
    const python = entry('development').environment!.sdkConstants!.find((c) => c.sdk === 'plaid-python')!;
    const constant = await hoverAt(uri, text, 'plaid.Environment.Development');
    assert.ok(constant.markdown.includes(`\`${python.constant}\` was removed in plaid-python ${python.removedIn}`), constant.markdown);
    assert.ok(constant.markdown.includes('`plaid.Environment.Sandbox`'));
    const url = await hoverAt(uri, text, 'https://development.plaid.com');
    assert.ok(url.markdown.includes('decommissioned on'), url.markdown);
    assert.deepEqual(url.hover!.range, rangeOf(text, 'https://development.plaid.com'));
  });

  test('Should return no hover on ordinary code or in a document that is not open', async () => {
    assert.equal((await hoverAt(tsUri, tsText, 'await')).hover, null);
    const closed = await server.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: fixtureUri('hover/never-opened.ts') },
      position: { line: 0, character: 0 },
    });
    assert.equal(closed, null);
  });
});

suite('LSP hovers for clients without Markdown or command links', () => {
  const uri = fixtureUri('hover/plain.ts');
  const text = `const access_token = '${ACCESS_SANDBOX}';\n`;
  const cases: { name: string; formats: MarkupKind[]; kind: MarkupKind }[] = [
    { name: 'a client that reads only plain text gets plain text', formats: [MarkupKind.PlainText], kind: MarkupKind.PlainText },
    { name: 'a Markdown client without command links gets the CLI command', formats: [MarkupKind.Markdown], kind: MarkupKind.Markdown },
  ];
  for (const { name, formats, kind } of cases) {
    test(`Should serve ${name}`, async () => {
      const capabilities = { textDocument: { hover: { contentFormat: formats } } };
      const server = await TestServer.start({ capabilities, initializationOptions: undefined });
      try {
        await server.openAndDiagnose(uri, 'typescript', text);
        const { start } = rangeOf(text, ACCESS_SANDBOX);
        const position = { line: start.line, character: start.character + 10 };
        const hover = await withDeadline(server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }), 'hover');
        const contents = hover!.contents as MarkupContent;
        assert.equal(contents.kind, kind);
        assert.ok(!contents.value.includes('command:'), contents.value);
        assert.ok(contents.value.includes('plaid-lens glossary access-token'), contents.value);
        assert.ok(contents.value.includes('access-sandbox-…7a34'), contents.value);
        assert.ok(!contents.value.includes(ACCESS_SANDBOX), 'the token appears whole');
        if (kind === MarkupKind.PlainText) assert.ok(!/\*\*|`/.test(contents.value), contents.value);
      } finally {
        await server.stop();
      }
    });
  }
});
