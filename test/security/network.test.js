'use strict';
/**
 * No network, nothing executed: the CLI over the fixtures and the language server through a full LSP exchange run
 * under `strace -f -e trace=socket,connect,execve`; no AF_INET or AF_INET6 socket may be created and no program
 * other than node itself executed. AF_UNIX sockets are fine (Node may create them for its own plumbing).
 */
const assert = require('node:assert/strict');
const path = require('node:path');
const { plantValues } = require('./lib/planted');
const { fixtureFiles, LANGUAGES } = require('./lib/fixtures');
const { assertBuilt, run, makeTempDir, removeTree, writeTree, DIST } = require('./lib/processes');
const { LspClient, fileUri, positionAt } = require('./lib/lsp');
const { straceWrapper, requireStrace, parseStraceLog, readStraceLog } = require('./lib/strace');

/** Asserts a log shows no inet socket and exactly one program run: node itself. */
function assertNoNetworkNoExec(log, what) {
  assert.ok(log.executed.length > 0, `${what}: strace logged no execve at all, so it did not trace the run`);
  assert.deepEqual(log.inet, [], `${what} created or connected an inet socket:\n${log.inet.join('\n')}`);
  const programs = log.executed.map((e) => e.program);
  assert.deepEqual(programs, [process.execPath], `${what} executed a program:\n${log.executed.map((e) => e.line).join('\n')}`);
}

suite('No network and nothing executed, under strace', () => {
  let tmp;
  let ws;
  let files;
  let planted;
  /** Socket families seen per run, for the record. */
  const seen = [];

  suiteSetup(() => {
    assertBuilt();
    tmp = makeTempDir('network');
    ws = path.join(tmp, 'ws');
    planted = plantValues(LANGUAGES.length);
    files = fixtureFiles(planted);
    writeTree(ws, Object.fromEntries(Object.entries(files).map(([file, f]) => [file, f.text])));
  });

  suiteTeardown(() => {
    removeTree(tmp);
    if (seen.length > 0) console.log(`      socket families seen: ${seen.map((s) => `${s.what}: ${s.families.join(', ') || 'none'}`).join('; ')}`);
  });

  test('Should recognise inet and inet6 sockets and connects in a strace log, and let AF_UNIX pass', () => {
    const log = parseStraceLog(
      [
        '101 execve("/usr/bin/node", ["node"], 0x7ffd /* 9 vars */) = 0',
        '101 socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0) = 3',
        '102 socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_IP <unfinished ...>',
        '103 socket(AF_INET6, SOCK_DGRAM, IPPROTO_IP) = 5',
        '104 connect(7, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("192.0.2.1")}, 16) = -1 EINPROGRESS',
        '105 connect(8, {sa_family=AF_UNIX, sun_path="/run/x.sock"}, 110) = 0',
      ].join('\n'),
    );
    assert.equal(log.inet.length, 3);
    assert.deepEqual(log.families, ['AF_INET', 'AF_INET6', 'AF_UNIX']);
    assert.deepEqual(log.executed.map((e) => e.program), ['/usr/bin/node']);
  });

  test('Should see a socket that node creates, so the traces below would show one', async () => {
    requireStrace();
    const logFile = path.join(tmp, 'control.strace');
    const script = "require('net').createConnection(process.argv[1]).on('error', () => undefined)";
    await run(straceWrapper(logFile)[0], [...straceWrapper(logFile).slice(1), process.execPath, '-e', script, path.join(tmp, 'no.sock')]);
    const log = readStraceLog(logFile);
    assert.ok(log.families.includes('AF_UNIX'), `strace did not record node's AF_UNIX socket:\n${log.lines.join('\n')}`);
  });

  const cliRuns = [
    { what: 'scan (text)', args: ['scan', '.'] },
    { what: 'scan (SARIF to a file)', args: ['scan', '--format', 'sarif', '--output', '../report.sarif', '.'] },
    { what: 'scan (JSON)', args: ['scan', '--format', 'json', 'src', 'config', 'notes.txt'] },
    { what: 'decode (argument)', args: ['decode', '{token}'] },
    { what: 'decode (stdin, JSON)', args: ['decode', '-', '--json'], stdin: '{token}' },
    { what: 'glossary', args: ['glossary', 'access token'] },
  ];
  for (const c of cliRuns) {
    test(`Should open no inet socket and run no program in the CLI: ${c.what}`, async () => {
      requireStrace();
      const logFile = path.join(tmp, `cli-${cliRuns.indexOf(c)}.strace`);
      const token = planted.tokens[0].value;
      const args = c.args.map((a) => a.replace('{token}', token));
      const wrapper = straceWrapper(logFile);
      const result = await run(wrapper[0], [...wrapper.slice(1), process.execPath, DIST.cli, ...args], { cwd: ws, stdin: (c.stdin || '').replace('{token}', token) });
      assert.ok(result.code === 0 || result.code === 1, `${c.what} exited ${result.code}: ${result.stderr}`);
      const log = readStraceLog(logFile);
      seen.push({ what: `CLI ${c.what}`, families: log.families });
      assertNoNetworkNoExec(log, `plaid-lens ${c.what}`);
    });
  }

  test('Should open no inet socket and run no program in the language server through a full LSP exchange', async function () {
    this.timeout(60_000);
    requireStrace();
    const logFile = path.join(tmp, 'server.strace');
    const client = new LspClient({ folders: [ws], settings: { trace: { server: 'verbose' } }, trace: 'verbose', wrapper: straceWrapper(logFile) });
    try {
      await client.initialize();
      let actions = 0;
      for (const [file, { languageId, text }] of Object.entries(files).slice(0, 6)) {
        const uri = fileUri(path.join(ws, file));
        const diagnostics = await client.openAndDiagnose(uri, languageId, text);
        assert.ok(diagnostics.length > 0, `no diagnostics for ${file}`);
        const token = planted.tokens.find((t) => text.includes(t.value));
        if (token) {
          const hover = await client.request('textDocument/hover', { textDocument: { uri }, position: positionAt(text, text.indexOf(token.value) + 2) });
          assert.ok(hover.result, `no hover on a token in ${file}`);
        }
        const { result } = await client.request('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } });
        for (const action of result || []) {
          actions++;
          if (action.data !== undefined) await client.request('codeAction/resolve', action);
        }
      }
      assert.ok(actions > 0, 'no code action was offered');
      const decoded = await client.request('workspace/executeCommand', { command: 'plaidLens.decodeToken', arguments: [planted.tokens[0].value] });
      assert.ok(decoded.result && decoded.result.masked, 'the decode command gave no result');
      const exit = await client.stop();
      assert.equal(exit.code, 0, `the server (under strace) exited with ${exit.code}: ${client.stderr}`);
    } finally {
      client.kill();
    }
    const log = readStraceLog(logFile);
    seen.push({ what: 'server', families: log.families });
    assertNoNetworkNoExec(log, 'the language server');
  });
});
