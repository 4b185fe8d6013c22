'use strict';
/**
 * No network, nothing executed: the CLI over the fixtures and the language server through a full LSP exchange run
 * under `strace -f -e trace=socket,connect,execve`; no AF_INET or AF_INET6 socket may be created and no program
 * other than node itself executed. AF_UNIX sockets are fine (Node may create them for its own plumbing). The one
 * exception is the CLI's `scan --staged` and `history`, which run `git` and nothing else, each time with the fixed
 * options that keep git off the network, and only the git subcommands that read.
 */
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
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

  /** Git subcommands the CLI may run: all of them only read. */
  const GIT_READS = ['rev-parse', 'config', 'diff', 'log', 'cat-file', 'ls-tree', 'rev-list'];
  /** The options every git run starts with (server/src/git/gitProcess.ts). */
  const GIT_PREFIX = ['git', '--no-pager', '--literal-pathspecs', '-c', 'protocol.allow=never', '-c', 'core.fsmonitor=false'];

  const gitRuns = [
    { what: 'scan inside a repository', args: ['scan', '.'], git: false },
    { what: 'scan --write-baseline inside a repository', args: ['scan', '--write-baseline', '../base.json', '.'], git: false },
    { what: 'scan --staged', args: ['scan', '--staged'], git: true },
    { what: 'history (SARIF)', args: ['history', '--format', 'sarif', '--output', '../history.sarif'], git: true },
  ];
  for (const c of gitRuns) {
    test(`Should run ${c.git ? 'git and nothing else, and open no inet socket' : 'no program, not even git'}: ${c.what}`, async () => {
      requireStrace();
      const repo = path.join(tmp, 'repo');
      if (!require('node:fs').existsSync(repo)) {
        writeTree(repo, Object.fromEntries(Object.entries(files).map(([file, f]) => [file, f.text])));
        for (const args of [['init', '-q'], ['add', '-A'], ['-c', 'user.name=T', '-c', 'user.email=t@example.com', 'commit', '-qm', 'fixtures']]) {
          const done = spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
          assert.equal(done.status, 0, done.stderr);
        }
        writeTree(repo, { 'staged.js': Object.values(files)[0].text });
        spawnSync('git', ['add', 'staged.js'], { cwd: repo });
      }
      const logFile = path.join(tmp, `git-${gitRuns.indexOf(c)}.strace`);
      const [strace, ...rest] = straceWrapper(logFile);
      // Long strings in full, so each git argument vector can be read back.
      const result = await run(strace, ['-s', '256', ...rest, process.execPath, DIST.cli, ...c.args], { cwd: repo });
      assert.equal(result.code, 1, `${c.what} exited ${result.code}: ${result.stderr}`);
      const log = readStraceLog(logFile);
      seen.push({ what: `CLI ${c.what}`, families: log.families });
      if (!c.git) {
        assertNoNetworkNoExec(log, `plaid-lens ${c.what}`);
        return;
      }
      assert.deepEqual(log.inet, [], `${c.what} created or connected an inet socket:\n${log.inet.join('\n')}`);
      assert.equal(log.executed[0].program, process.execPath);
      const others = log.executed.slice(1);
      assert.ok(others.length > 0, `${c.what} ran no git`);
      for (const { program, line } of others) {
        assert.equal(path.basename(program), 'git', `${c.what} executed something other than git:\n${line}`);
        // strace writes control characters as octal escapes (`\1`), which JSON spells `\u0001`.
        const quoted = /execve\("[^"]*", (\[.*?\]), /.exec(line)[1].replace(/\\([0-7]{1,3})/g, (_m, octal) => `\\u${parseInt(octal, 8).toString(16).padStart(4, '0')}`);
        const argv = JSON.parse(quoted);
        assert.deepEqual(argv.slice(0, GIT_PREFIX.length), GIT_PREFIX, line);
        const subcommand = argv.slice(GIT_PREFIX.length).find((a, i, all) => !a.startsWith('-') && all[i - 1] !== '-c');
        assert.ok(GIT_READS.includes(subcommand), `unexpected git subcommand ${subcommand}:\n${line}`);
      }
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
