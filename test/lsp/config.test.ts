/**
 * Settings of the wrong type and `.plaidlens.json` files, broken or valid: one clear warning, defaults in force,
 * and a rescan of open documents whenever either changes.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiagnosticSeverity, DidChangeConfigurationNotification, FileChangeType, MessageType } from 'vscode-languageserver-protocol';
import { CLIENT_ID, fixtureText, SECRET } from './fixtures';
import { fileUri, fullCapabilities, TestServer } from './harness';

const SOURCE = `const PLAID_SECRET = '${SECRET}';\nconst clientId = '${CLIENT_ID}';\n`;

/** The rule codes and severities of a publish, sorted. */
function codes(diagnostics: { code?: string | number; severity?: number }[]): string[] {
  return diagnostics.map((d) => `${String(d.code)}:${d.severity}`).sort();
}

suite('LSP settings of the wrong type', () => {
  let server: TestServer;

  suiteSetup(async () => {
    server = await TestServer.start({
      settings: { enable: 'yes', maxFileSizeKB: 'big', rules: 'strict', trace: { server: 7 } },
    });
  });

  suiteTeardown(async () => {
    await server.stop();
  });

  test('Should warn once per broken setting, name the field, and keep serving on the defaults', async () => {
    const first = await server.openAndDiagnose('untitled:one', 'javascript', fixtureText('plaid-client.js'));
    const second = await server.openAndDiagnose('untitled:two', 'javascript', fixtureText('plaid-client.js'));
    assert.equal(first.diagnostics.length, 3, 'enable and maxFileSizeKB fell back to their defaults');
    assert.equal(second.diagnostics.length, 3);
    const warnings = server.messages.items.filter((m) => m.type === MessageType.Warning).map((m) => m.message);
    for (const field of ['plaidLens.enable', 'plaidLens.maxFileSizeKB', 'plaidLens.rules', 'plaidLens.trace.server']) {
      assert.equal(warnings.filter((w) => w.includes(`"${field}"`)).length, 1, `one warning for ${field}: ${warnings.join(' | ')}`);
    }
    assert.equal(warnings.length, 4);
    assert.match(warnings.find((w) => w.includes('maxFileSizeKB'))!, /must be a positive number of KiB, not "big"; using 1024/);
    assert.deepEqual(server.messageRequests, [], 'the server tells, it never asks');
  });

  test('Should warn about an unknown rule and a bad severity in plaidLens.rules, and apply the valid ones', async () => {
    const from = server.diagnostics.mark();
    await server.changeSettings({ rules: { 'hardcoded-secrets': 'off', 'hardcoded-client-id': 'loud', 'hardcoded-secret': 'hint' } });
    const published = await server.diagnosticsFor('untitled:one', from);
    assert.deepEqual(codes(published.diagnostics), [
      `development-environment:${DiagnosticSeverity.Error}`,
      `hardcoded-client-id:${DiagnosticSeverity.Warning}`,
      `hardcoded-secret:${DiagnosticSeverity.Hint}`,
    ]);
    const warnings = server.messages.items.map((m) => m.message);
    assert.ok(warnings.some((w) => /"hardcoded-secrets", which is not a rule/.test(w)), warnings.join(' | '));
    assert.ok(warnings.some((w) => /"plaidLens\.rules\.hardcoded-client-id" must be one of off, hint, info, warning, error, not "loud"/.test(w)));
  });
});

suite('LSP .plaidlens.json', () => {
  let server: TestServer;
  let folder: string;
  let configFile: string;

  suiteSetup(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plaidlens'));
    configFile = path.join(folder, '.plaidlens.json');
    fs.writeFileSync(configFile, '{\n  "rules": { "hardcoded-secret": "loud" }\n}\n');
    server = await TestServer.start({ folders: [folder] });
  });

  suiteTeardown(async () => {
    await server.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  test('Should register a watcher for .plaidlens.json files', async () => {
    const registration = await server.registrations.waitFor((r) => r.method === 'workspace/didChangeWatchedFiles', 'watcher registration');
    assert.deepEqual(registration.registerOptions, { watchers: [{ globPattern: '**/.plaidlens.json' }] });
  });

  test('Should show one warning with file, line, column and field for a broken config, and run on defaults', async () => {
    const a = await server.openAndDiagnose(fileUri(path.join(folder, 'a.js')), 'javascript', SOURCE);
    const b = await server.openAndDiagnose(fileUri(path.join(folder, 'src', 'b.js')), 'javascript', SOURCE);
    const defaults = [`hardcoded-client-id:${DiagnosticSeverity.Warning}`, `hardcoded-secret:${DiagnosticSeverity.Error}`];
    assert.deepEqual(codes(a.diagnostics), defaults);
    assert.deepEqual(codes(b.diagnostics), defaults);
    const warnings = server.messages.items.filter((m) => m.message.includes('.plaidlens.json'));
    assert.equal(warnings.length, 1, 'one warning, not one per document');
    assert.equal(warnings[0]!.type, MessageType.Warning);
    assert.ok(warnings[0]!.message.includes(`${configFile}:2:`), warnings[0]!.message);
    assert.match(warnings[0]!.message, /:2:\d+: rules\.hardcoded-secret: /);
  });

  test('Should rescan open documents when the watcher reports a fixed config', async () => {
    const uri = fileUri(path.join(folder, 'a.js'));
    const from = server.diagnostics.mark();
    fs.writeFileSync(configFile, '{ "rules": { "hardcoded-secret": "off" } }\n');
    await server.filesChanged([{ uri: fileUri(configFile), type: FileChangeType.Changed }]);
    const published = await server.diagnosticsFor(uri, from);
    assert.deepEqual(codes(published.diagnostics), [`hardcoded-client-id:${DiagnosticSeverity.Warning}`]);
  });

  test('Should rescan when the config document is saved, for clients without file watching', async () => {
    const uri = fileUri(path.join(folder, 'a.js'));
    const configUri = fileUri(configFile);
    // Opening the config document rescans too; let that settle so the rescan awaited below is the save's.
    const opened = server.diagnostics.mark();
    await server.open(configUri, 'json', fs.readFileSync(configFile, 'utf8'));
    await server.diagnostics.waitFor((p) => p.uri === uri, 'the rescan after opening the config', opened);
    const from = server.diagnostics.mark();
    fs.writeFileSync(configFile, '{ "rules": { "hardcoded-client-id": "error" } }\n');
    await server.save(configUri);
    const published = await server.diagnosticsFor(uri, from);
    assert.deepEqual(codes(published.diagnostics), [`hardcoded-client-id:${DiagnosticSeverity.Error}`, `hardcoded-secret:${DiagnosticSeverity.Error}`]);
  });

  test('Should apply overrides and ignore globs relative to the config file', async () => {
    const from = server.diagnostics.mark();
    fs.writeFileSync(
      configFile,
      '{ "ignore": ["generated/"], "overrides": [{ "files": ["test/**"], "rules": { "hardcoded-secret": "hint" } }] }\n',
    );
    await server.filesChanged([{ uri: fileUri(configFile), type: FileChangeType.Changed }]);
    await server.diagnostics.waitFor((p) => p.uri.endsWith('/a.js'), 'rescan after the config change', from);
    const ignored = await server.openAndDiagnose(fileUri(path.join(folder, 'generated', 'c.js')), 'javascript', SOURCE);
    assert.deepEqual(ignored.diagnostics, []);
    const overridden = await server.openAndDiagnose(fileUri(path.join(folder, 'test', 'd.js')), 'javascript', SOURCE);
    assert.deepEqual(codes(overridden.diagnostics), [`hardcoded-client-id:${DiagnosticSeverity.Warning}`, `hardcoded-secret:${DiagnosticSeverity.Hint}`]);
  });

  test('Should put editor settings over the config file', async () => {
    const uri = fileUri(path.join(folder, 'test', 'd.js'));
    const from = server.diagnostics.mark();
    await server.changeSettings({ rules: { 'hardcoded-secret': 'warning' } });
    const published = await server.diagnosticsFor(uri, from);
    assert.deepEqual(codes(published.diagnostics), [`hardcoded-client-id:${DiagnosticSeverity.Warning}`, `hardcoded-secret:${DiagnosticSeverity.Warning}`]);
  });
});

suite('LSP settings pushed by a client without workspace/configuration', () => {
  let server: TestServer;

  suiteSetup(async () => {
    const capabilities = fullCapabilities();
    capabilities.workspace!.configuration = false;
    server = await TestServer.start({ capabilities, settings: { rules: { 'hardcoded-secret': 'off' } } });
  });

  suiteTeardown(async () => {
    await server.stop();
  });

  test('Should use the settings of workspace/didChangeConfiguration, and never ask for them', async () => {
    const uri = 'untitled:pushed';
    const before = await server.openAndDiagnose(uri, 'javascript', SOURCE);
    assert.deepEqual(codes(before.diagnostics), [`hardcoded-client-id:${DiagnosticSeverity.Warning}`, `hardcoded-secret:${DiagnosticSeverity.Error}`]);
    const from = server.diagnostics.mark();
    await server.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { plaidLens: { rules: { 'hardcoded-client-id': 'off' } } },
    });
    const after = await server.diagnosticsFor(uri, from);
    assert.deepEqual(codes(after.diagnostics), [`hardcoded-secret:${DiagnosticSeverity.Error}`]);
    assert.equal(server.configurationRequests, 0);
  });
});
