import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { tokenFromEditor, validateTokenInput } from '../../../client/src/decoder';
import { MaskingOutputChannel } from '../../../client/src/maskingChannel';
import { statusBarText, type FindingCounts } from '../../../client/src/statusBar';
import { closeUntitled } from './util';

const UUID = '2f9c4d1e-7b3a-4c8e-9d2f-1a6b5c4d3e2f';
const TOKEN = `access-sandbox-${UUID}`;

/** A log channel that only records what reaches it. */
function recordingChannel(lines: string[]): vscode.LogOutputChannel {
  const record = (message: string | Error, ...args: unknown[]) => lines.push([String(message), ...args.map(String)].join(' '));
  return {
    name: 'recording',
    logLevel: vscode.LogLevel.Trace,
    onDidChangeLogLevel: new vscode.EventEmitter<vscode.LogLevel>().event,
    trace: record,
    debug: record,
    info: record,
    warn: record,
    error: record,
    append: (v: string) => lines.push(v),
    appendLine: (v: string) => lines.push(v),
    replace: (v: string) => lines.push(v),
    clear: () => undefined,
    show: () => undefined,
    hide: () => undefined,
    dispose: () => undefined,
  };
}

suite('Client parts', () => {
  test('Status bar: should say starting, stopped, or the count of findings', () => {
    const none: FindingCounts = { errors: 0, warnings: 0, others: 0, files: 0 };
    const some: FindingCounts = { errors: 1, warnings: 2, others: 1, files: 2 };
    const rows = [
      { status: 'starting', counts: none, text: '$(loading~spin) Plaid', alarm: false, tooltip: /starting/ },
      { status: 'stopped', counts: some, text: '$(error) Plaid', alarm: true, tooltip: /not running.*Restart Language Server/ },
      { status: 'running', counts: none, text: '$(pass) Plaid', alarm: false, tooltip: /no Plaid findings/ },
      { status: 'running', counts: some, text: '$(error) Plaid 4', alarm: false, tooltip: /1 error, 2 warnings, 1 note in 2 files.*Problems panel/ },
      { status: 'running', counts: { ...some, errors: 0 }, text: '$(warning) Plaid 3', alarm: false, tooltip: /2 warnings, 1 note in 2 files/ },
    ] as const;
    for (const row of rows) {
      const shown = statusBarText(row.status, row.counts);
      assert.equal(shown.text, row.text, `${row.status} text`);
      assert.equal(shown.alarm, row.alarm, `${row.status} alarm`);
      assert.match(shown.tooltip, row.tooltip);
    }
  });

  test('Output: should mask tokens and secrets in every kind of line the language client writes', () => {
    const lines: string[] = [];
    const channel = new MaskingOutputChannel(recordingChannel(lines));
    const secret = '9f3b7c1e5a2d8c4f6b0e7a3d1c5f92';
    channel.trace(`Sending notification 'textDocument/didOpen'. Params: {"text":"const t = '${TOKEN}';"}`);
    channel.info('opened', { text: `secret = "${secret}"` });
    channel.error(new Error(`bad token ${TOKEN}`));
    channel.appendLine(`plain ${TOKEN}`);
    assert.equal(lines.length, 4);
    for (const line of lines) {
      assert.ok(!line.includes(UUID) && !line.includes(secret), 'a line holds a token or secret whole');
    }
    assert.ok(lines[0]!.includes('access-sandbox-…3e2f'), 'the token stays recognisable, masked');
  });

  test('Decoder: should take the selection, else the token under the cursor, else nothing', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'javascript', content: `const a = '${TOKEN}';\nconst b = 1;\n` });
    const editor = await vscode.window.showTextDocument(document);
    try {
      editor.selection = new vscode.Selection(0, 11, 0, 11 + TOKEN.length);
      assert.equal(tokenFromEditor(editor), TOKEN, 'the selection');
      editor.selection = new vscode.Selection(0, 30, 0, 30);
      assert.equal(tokenFromEditor(editor), TOKEN, 'the token under the cursor');
      editor.selection = new vscode.Selection(1, 3, 1, 3);
      assert.equal(tokenFromEditor(editor), undefined, 'no token on the line');
      editor.selection = new vscode.Selection(0, 0, 1, 5);
      assert.equal(tokenFromEditor(editor), undefined, 'a selection with spaces is not a token');
      assert.equal(tokenFromEditor(undefined), undefined, 'no editor');
    } finally {
      await closeUntitled(document);
    }
  });

  test('Decoder: should validate the typed token without ever repeating it', () => {
    const { Error: error, Warning: warning, Info: info } = vscode.InputBoxValidationSeverity;
    const rows = [
      { input: '', severity: undefined },
      { input: 'access sandbox', severity: error },
      { input: 'x'.repeat(201), severity: error },
      { input: 'nohyphens', severity: error },
      { input: TOKEN, severity: info },
      { input: `access-prod-${UUID}`, severity: warning },
      { input: `access-development-${UUID}`, severity: warning },
    ];
    for (const { input, severity } of rows) {
      const result = validateTokenInput(input);
      assert.equal(result?.severity, severity, `severity for ${input.slice(0, 16)}…`);
      if (result) assert.ok(!result.message.includes(UUID), 'the message repeats the token');
    }
    assert.match(validateTokenInput(`access-prod-${UUID}`)!.message, /production/);
  });
});
