/**
 * "Plaid: Scan Git History" in the real editor: the CLI runs as a VS Code task over a repository built here, the
 * findings appear in the Tokens view under "History" with commit and author, and a row opens the commit's file,
 * masked, at the finding's line.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HistorySummary } from '../../../client/src/gitHistory';
import type { TokensNode } from '../../../client/src/tokensView';
import { closeAllEditors, plaidLens, waitFor } from './util';

/** Made up for this test: a secret in Plaid's shape (30 lowercase hex digits). */
const SECRET = '7d3f09b2c41e8a65f0d29c7b3e1a48';

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', ['-c', 'user.name=Ada Tester', '-c', 'user.email=ada@example.com', ...args], { cwd, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

suite('Scan Git History', () => {
  let repo: string;
  let introduced: string;

  suiteSetup(async () => {
    await plaidLens();
    repo = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'plaid-lens-history-ui-')));
    git(repo, 'init', '-q');
    fs.writeFileSync(path.join(repo, 'config.js'), `const plaid = require('plaid');\n// keys\nconst PLAID_SECRET = '${SECRET}';\n`);
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'add config');
    introduced = git(repo, 'rev-parse', 'HEAD').trim();
    fs.writeFileSync(path.join(repo, 'config.js'), `const plaid = require('plaid');\nconst PLAID_SECRET = process.env.PLAID_SECRET;\n`);
    git(repo, 'commit', '-qam', 'read it from the environment');
  });

  suiteTeardown(async () => {
    await closeAllEditors();
    fs.rmSync(repo, { recursive: true, force: true });
  });

  test('Should list a removed secret under History with its commit and author, and open the commit\'s file masked at its line', async function () {
    this.timeout(90_000);
    const api = await plaidLens();
    const summary = (await vscode.commands.executeCommand('plaidLens.scanGitHistory', vscode.Uri.file(repo))) as HistorySummary;
    assert.deepEqual(summary, { exitCode: 1, findings: 1 });
    const tree = api.tokensTree;
    const history = await waitFor(async () => ((await tree.getChildren()) ?? []).find((n) => n.kind === 'history'), 10_000, 'a History group in the Tokens view');
    const rows = ((await tree.getChildren(history)) ?? []) as TokensNode[];
    assert.equal(rows.length, 1);
    const item = await tree.getTreeItem(rows[0]!);
    assert.equal(item.label, 'config.js:3');
    assert.match(String(item.description), new RegExp(`^${introduced.slice(0, 8)} · Ada Tester · \\d{4}-\\d{2}-\\d{2}$`));
    const tooltip = String(item.tooltip);
    assert.match(tooltip, /Hard-coded Plaid secret 7d3f…1a48/);
    assert.match(tooltip, /HEAD no longer holds the value/);
    assert.ok(!`${item.label} ${item.description} ${tooltip}`.includes(SECRET), 'the row shows the secret whole');

    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const editor = await waitFor(() => vscode.window.activeTextEditor?.document.uri.scheme === 'plaid-lens-history' && vscode.window.activeTextEditor, 10_000, 'the commit\'s file open');
    assert.equal(editor.document.uri.path, `/${introduced}/config.js`);
    assert.equal(editor.selection.start.line, 2, 'the cursor is on the finding\'s line');
    assert.equal(editor.document.lineAt(2).text, "const PLAID_SECRET = '7d3f…1a48';");
    assert.ok(!editor.document.getText().includes(SECRET), 'the document shows the secret whole');
  });
});
