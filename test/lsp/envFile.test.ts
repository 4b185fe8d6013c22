/**
 * "Move to environment variable" against real files in a temporary workspace folder: the literal becomes the
 * language's environment read, `.env` and `.gitignore` are appended to (never overwritten), all in one edit.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LSPErrorCodes, ResponseError, type ClientCapabilities, type CodeAction } from 'vscode-languageserver-protocol';
import { applyToDisk, applyToText } from './edits';
import { CLIENT_ID, SECRET } from './fixtures';
import { fileUri, fullCapabilities, TestServer } from './harness';

const MOVE = 'Move to environment variable PLAID_SECRET';

/** A fresh workspace folder holding the given files. */
function workspace(files: Record<string, string>): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plaidlens'));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), content);
  return folder;
}

function read(folder: string, name: string): string | undefined {
  const file = path.join(folder, name);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

/** Opens `src/plaid.<ext>` with a hard-coded secret and returns the "Move to environment variable" action. */
async function moveAction(server: TestServer, folder: string, file = 'src/plaid.js', languageId = 'javascript', text = `const PLAID_SECRET = '${SECRET}';\n`): Promise<{ uri: string; text: string; action: CodeAction }> {
  const uri = fileUri(path.join(folder, file));
  const published = await server.openAndDiagnose(uri, languageId, text);
  const diagnostic = published.diagnostics.find((d) => d.code === 'hardcoded-secret');
  assert.ok(diagnostic, 'the secret is reported');
  const action = (await server.quickFixes(uri, [diagnostic])).find((a) => a.title.startsWith(MOVE) || a.title.startsWith('Replace with'));
  assert.ok(action, 'a move-to-env action is offered');
  return { uri, text, action };
}

suite('LSP move to environment variable', () => {
  const folders: string[] = [];
  const servers: TestServer[] = [];

  async function start(folder: string, capabilities?: ClientCapabilities): Promise<TestServer> {
    folders.push(folder);
    const server = await TestServer.start({ folders: [folder], capabilities });
    servers.push(server);
    return server;
  }

  suiteTeardown(async () => {
    for (const server of servers) await server.stop();
    for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
  });

  test('Should create .env and .gitignore when missing, in one edit resolved only when picked', async () => {
    const folder = workspace({});
    const server = await start(folder);
    const { uri, text, action } = await moveAction(server, folder);
    assert.equal(action.title, MOVE);
    assert.equal(action.isPreferred, true);
    assert.equal(action.edit, undefined, 'the edit, which holds the secret, waits for codeAction/resolve');
    assert.ok(!JSON.stringify(action).includes(SECRET));
    const resolved = await server.resolve(action);
    assert.equal(applyToText(resolved.edit!, uri, text), 'const PLAID_SECRET = process.env.PLAID_SECRET;\n');
    applyToDisk(resolved.edit!, uri);
    assert.equal(read(folder, '.env'), `PLAID_SECRET=${SECRET}\n`);
    assert.equal(read(folder, '.gitignore'), '.env\n');
  });

  test('Should append after the last line of an existing .env without a final newline, keeping every byte', async () => {
    const envBefore = '# local settings\nPLAID_ENV=sandbox';
    const folder = workspace({ '.env': envBefore, '.gitignore': 'node_modules/\n.env*\n' });
    const server = await start(folder);
    const { uri, action } = await moveAction(server, folder, 'app.py', 'python', `PLAID_SECRET = "${SECRET}"\n`);
    const resolved = await server.resolve(action);
    assert.equal(applyToText(resolved.edit!, uri, `PLAID_SECRET = "${SECRET}"\n`), 'import os\nPLAID_SECRET = os.environ["PLAID_SECRET"]\n');
    const touched = applyToDisk(resolved.edit!, uri);
    assert.equal(read(folder, '.env'), `${envBefore}\nPLAID_SECRET=${SECRET}\n`);
    assert.equal(read(folder, '.gitignore'), 'node_modules/\n.env*\n', '.env is already ignored');
    assert.deepEqual(touched, [fileUri(path.join(folder, '.env'))]);
  });

  test('Should keep CRLF line endings of an existing .env and add .env to a .gitignore that lacks it', async () => {
    const folder = workspace({ '.env': 'A=1\r\n', '.gitignore': 'dist/' });
    const server = await start(folder);
    const { uri, action } = await moveAction(server, folder, 'main.go', 'go', `package main\n\nvar secret = "${SECRET}" // plaid secret\n`);
    applyToDisk((await server.resolve(action)).edit!, uri);
    assert.equal(read(folder, '.env'), `A=1\r\nPLAID_SECRET=${SECRET}\r\n`);
    assert.equal(read(folder, '.gitignore'), 'dist/\n.env\n');
  });

  test('Should leave an existing key alone and say so in the title', async () => {
    const envBefore = 'PLAID_SECRET=from-the-vault\n';
    const folder = workspace({ '.env': envBefore, '.gitignore': '.env\n' });
    const server = await start(folder);
    const { uri, text, action } = await moveAction(server, folder);
    assert.equal(action.title, `${MOVE} (PLAID_SECRET already in .env)`);
    const resolved = await server.resolve(action);
    assert.equal(applyToText(resolved.edit!, uri, text), 'const PLAID_SECRET = process.env.PLAID_SECRET;\n');
    assert.deepEqual(applyToDisk(resolved.edit!, uri), [], 'no workspace file is touched');
    assert.equal(read(folder, '.env'), envBefore);
  });

  test('Should use the client_id variable for a client_id', async () => {
    const folder = workspace({});
    const server = await start(folder);
    const uri = fileUri(path.join(folder, 'ids.js'));
    const text = `const plaidClientId = '${CLIENT_ID}';\n`;
    const published = await server.openAndDiagnose(uri, 'javascript', text);
    const actions = await server.quickFixes(uri, published.diagnostics);
    const action = actions.find((a) => a.title === 'Move to environment variable PLAID_CLIENT_ID');
    assert.ok(action, actions.map((a) => a.title).join(' | '));
    const resolved = await server.resolve(action);
    assert.equal(applyToText(resolved.edit!, uri, text), 'const plaidClientId = process.env.PLAID_CLIENT_ID;\n');
    applyToDisk(resolved.edit!, uri);
    assert.equal(read(folder, '.env'), `PLAID_CLIENT_ID=${CLIENT_ID}\n`);
  });

  const importCases = [
    {
      name: 'import os after the imports of a Python file',
      file: 'client.py',
      languageId: 'python',
      text: `"""Plaid keys."""\nimport plaid\n\nPLAID_SECRET = "${SECRET}"\n`,
      expected: '"""Plaid keys."""\nimport plaid\nimport os\n\nPLAID_SECRET = os.environ["PLAID_SECRET"]\n',
    },
    {
      name: 'nothing to a Python file that imports os already',
      file: 'keys.py',
      languageId: 'python',
      text: `import os\n\nPLAID_SECRET = "${SECRET}"\n`,
      expected: 'import os\n\nPLAID_SECRET = os.environ["PLAID_SECRET"]\n',
    },
    {
      name: '"os" to the import block of a Go file',
      file: 'main.go',
      languageId: 'go',
      text: `package main\n\nimport (\n\t"fmt"\n\tplaid "github.com/plaid/plaid-go/plaid"\n)\n\nvar plaidSecret = "${SECRET}"\n`,
      expected: 'package main\n\nimport (\n\t"fmt"\n\tplaid "github.com/plaid/plaid-go/plaid"\n\t"os"\n)\n\nvar plaidSecret = os.Getenv("PLAID_SECRET")\n',
    },
    {
      name: 'an import of "os" after the package clause of a Go file without imports',
      file: 'keys.go',
      languageId: 'go',
      text: `package keys\n\nvar plaidSecret = "${SECRET}"\n`,
      expected: 'package keys\n\nimport "os"\n\nvar plaidSecret = os.Getenv("PLAID_SECRET")\n',
    },
  ];
  for (const { name, file, languageId, text, expected } of importCases) {
    test(`Should add ${name} in the same edit as the environment read`, async () => {
      const folder = workspace({ '.gitignore': '.env\n' });
      const server = await start(folder);
      const { uri, action } = await moveAction(server, folder, file, languageId, text);
      const resolved = await server.resolve(action);
      assert.equal(applyToText(resolved.edit!, uri, text), expected);
      applyToDisk(resolved.edit!, uri);
      assert.equal(read(folder, '.env'), `PLAID_SECRET=${SECRET}\n`);
    });
  }

  test('Should add the import for a client that takes plain changes only', async () => {
    const folder = workspace({});
    const capabilities = fullCapabilities();
    capabilities.workspace!.workspaceEdit = { documentChanges: false };
    delete capabilities.textDocument!.codeAction!.resolveSupport;
    const server = await start(folder, capabilities);
    const text = `package main\n\nimport "fmt"\n\nvar plaidSecret = "${SECRET}"\n`;
    const { uri, action } = await moveAction(server, folder, 'main.go', 'go', text);
    assert.equal(
      applyToText(action.edit!, uri, text),
      'package main\n\nimport (\n\t"fmt"\n\t"os"\n)\n\nvar plaidSecret = os.Getenv("PLAID_SECRET")\n',
    );
  });

  test('Should refuse to resolve a move after the document changed', async () => {
    const folder = workspace({});
    const server = await start(folder);
    const { uri, action } = await moveAction(server, folder);
    await server.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '// edited\n' }]);
    await assert.rejects(server.resolve(action), (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.ContentModified);
    assert.equal(read(folder, '.env'), undefined);
  });

  test('Should send the whole edit at once to a client that cannot resolve code actions', async () => {
    const folder = workspace({});
    const capabilities = fullCapabilities();
    delete capabilities.textDocument!.codeAction!.resolveSupport;
    const server = await start(folder, capabilities);
    const { uri, action } = await moveAction(server, folder);
    assert.equal(action.title, MOVE);
    applyToDisk(action.edit!, uri);
    assert.equal(read(folder, '.env'), `PLAID_SECRET=${SECRET}\n`);
  });

  test('Should only replace the literal, and say so, for a client that cannot create files in an edit', async () => {
    const folder = workspace({});
    const capabilities = fullCapabilities();
    capabilities.workspace!.workspaceEdit = { documentChanges: false };
    delete capabilities.textDocument!.codeAction!.resolveSupport;
    const server = await start(folder, capabilities);
    const { uri, text, action } = await moveAction(server, folder);
    assert.equal(action.title, 'Replace with process.env.PLAID_SECRET (add PLAID_SECRET to your .env yourself: this editor cannot create files in a quick fix)');
    assert.deepEqual(Object.keys(action.edit!.changes!), [uri]);
    assert.equal(action.edit!.documentChanges, undefined);
    assert.equal(applyToText(action.edit!, uri, text), 'const PLAID_SECRET = process.env.PLAID_SECRET;\n');
    assert.equal(read(folder, '.env'), undefined);
  });
});
