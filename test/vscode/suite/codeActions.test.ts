import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeUntitled, codeOf, fixtureUri, openFixture, plaidDiagnostics, plaidLens, SERVER_TIMEOUT_MS, waitFor, waitForDiagnostics } from './util';

const FILE = 'src/quickfix.js';

/**
 * The quick fixes at a diagnostic's range, with their edits resolved as the light bulb would. (The command's result
 * does not carry each action's diagnostics, so the range is what ties them to it.)
 */
function quickFixes(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Thenable<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider',
    uri,
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
    20,
  );
}

async function readText(relativePath: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri(relativePath)));
}

/** Saves every changed file (a workspace edit leaves the files it touched unsaved); returns their names. */
async function saveDirtyFiles(): Promise<string[]> {
  const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.scheme === 'file');
  const saved = await Promise.all(dirty.map((d) => d.save()));
  return dirty.map((d, i) => `${vscode.workspace.asRelativePath(d.uri)}:${saved[i]}`);
}

suite('Code actions', () => {
  suiteSetup(async () => {
    await plaidLens();
  });

  // Several round trips to the server and three saved files: on a loaded machine these can pass mocha's 30 s default
  // while each of its waits stays within its own deadline.
  test('Should move a secret into .env, read it from the environment, and keep .env out of git', async function () {
    this.timeout(SERVER_TIMEOUT_MS * 3);
    const { document } = await openFixture(FILE);
    const envBefore = await readText('.env');
    const [secretDiagnostic] = (await waitForDiagnostics(document.uri, ['hardcoded-secret'])).filter((d) => codeOf(d) === 'hardcoded-secret');
    const secret = document.getText(secretDiagnostic!.range).replace(/['"]/g, '');
    const move = (await quickFixes(document.uri, secretDiagnostic!)).find((a) => a.title.startsWith('Move to environment variable PLAID_SECRET'));
    assert.ok(move?.edit, 'a resolved "Move to environment variable PLAID_SECRET" action');

    assert.equal(await vscode.workspace.applyEdit(move.edit), true);
    assert.deepEqual((await saveDirtyFiles()).sort(), ['.env:true', '.gitignore:true', 'src/quickfix.js:true']);

    assert.ok(document.getText().includes('process.env.PLAID_SECRET'), 'the file reads process.env.PLAID_SECRET');
    assert.ok(!document.getText().includes(secret), 'the secret is gone from the file');
    const env = await readText('.env');
    assert.ok(env.startsWith(envBefore), '.env keeps what it had');
    assert.ok(env.includes(`\nPLAID_SECRET=${secret}\n`), '.env gains PLAID_SECRET with the value');
    assert.match(await readText('.gitignore'), /^\.env$/m);
    await waitFor(
      () => !plaidDiagnostics(document.uri).some((d) => codeOf(d) === 'hardcoded-secret'),
      SERVER_TIMEOUT_MS,
      'the hardcoded-secret diagnostic gone',
    );
  });

  test('Should switch a Development URL to Sandbox with its quick fix', async () => {
    const { document } = await openFixture(FILE);
    const [development] = (await waitForDiagnostics(document.uri, ['development-environment'])).filter(
      (d) => codeOf(d) === 'development-environment',
    );
    const titles = (await quickFixes(document.uri, development!)).map((a) => a.title);
    assert.ok(titles.some((t) => t.includes('Production')), `a fix to Production among ${titles.join(' | ')}`);
    const sandbox = (await quickFixes(document.uri, development!)).find((a) => a.title.includes('Sandbox'));
    assert.ok(sandbox?.edit, 'a fix to Sandbox');

    assert.equal(await vscode.workspace.applyEdit(sandbox.edit), true);
    assert.deepEqual(await saveDirtyFiles(), ['src/quickfix.js:true']);

    assert.ok(document.getText().includes("'https://sandbox.plaid.com'"), 'the URL now points at Sandbox');
    await waitFor(
      () => !plaidDiagnostics(document.uri).some((d) => codeOf(d) === 'development-environment'),
      SERVER_TIMEOUT_MS,
      'the development-environment diagnostic gone',
    );
  });

  test('Should offer to ignore a finding on its line, and the ignore comment should silence it', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'javascript', content: "const url = 'https://development.plaid.com';\n" });
    await vscode.window.showTextDocument(document);
    const [diagnostic] = await waitForDiagnostics(document.uri, ['development-environment']);
    const ignore = (await quickFixes(document.uri, diagnostic!)).find((a) => a.title === 'Ignore "development-environment" on this line');
    assert.ok(ignore?.edit, 'an ignore-on-this-line action');
    assert.equal(await vscode.workspace.applyEdit(ignore.edit), true);
    assert.equal(document.lineCount, 3, 'one comment line added above');
    await waitFor(() => plaidDiagnostics(document.uri).length === 0, SERVER_TIMEOUT_MS, 'no diagnostics once ignored');
    await closeUntitled(document);
  });
});
