'use strict';
/**
 * Secrets are never shown whole. Fixtures full of freshly made secrets, client_ids and tokens of every type and
 * environment, in 13 languages and formats, go through every output path of the CLI and of the language server
 * (trace at `verbose`); everything produced is searched for each value whole and for the middle of its secret part.
 */
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { fixtureFiles, brokenConfigs, LANGUAGES } = require('./lib/fixtures');
const { assertBuilt, runCli, runCliInProcess, mapLimit, makeTempDir, removeTree, writeTree } = require('./lib/processes');
const { runLeakExchange } = require('./lib/leakRun');
const { clientTraceCaptures } = require('./lib/captures');
const { REPO_ROOT, plantValues, findLeaks, replayHint } = require('./lib/planted');

/** Real CLI processes spend most of their time starting Node; a few in flight keep two cores busy. */
const CLI_CONCURRENCY = 4;

/** The engine's `maskText`, which the client's output channel applies to every line, as `tsc -b` compiled it. */
function loadMaskText() {
  const compiled = path.join(REPO_ROOT, 'out', 'server', 'src', 'engine', 'mask.js');
  if (!fs.existsSync(compiled)) throw new Error(`${compiled} is missing: run \`npm run build\` first`);
  return require(compiled).maskText;
}

/** Fails listing every hit (with the hit itself blanked out) and the seed of the values when one shows up. */
function assertNoLeaks(values, captures, what) {
  const hits = findLeaks(values, captures);
  if (hits.length > 0) assert.fail(`${hits.length} planted value(s) leaked through ${what} (values made from ${replayHint()}):\n${hits.join('\n')}`);
}

/** One capture per stream of a CLI run, named after the command. */
function cliCaptures(args, run) {
  const name = `plaid-lens ${args.map((a) => (a.length > 20 ? `${a.slice(0, 12)}…` : a)).join(' ')}`;
  return [
    { source: `${name} (stdout)`, text: run.stdout },
    { source: `${name} (stderr)`, text: run.stderr },
  ];
}

suite('Secrets are never shown whole', () => {
  let tmp;
  let ws;
  let planted;
  let values;
  let files;

  suiteSetup(() => {
    assertBuilt();
    planted = plantValues(LANGUAGES.length);
    values = [...planted.credentials, ...planted.tokens];
    files = fixtureFiles(planted);
    tmp = makeTempDir('leaks');
    ws = path.join(tmp, 'ws');
    writeTree(ws, Object.fromEntries(Object.entries(files).map(([file, f]) => [file, f.text])));
    const broken = brokenConfigs(planted);
    writeTree(ws, { '.plaidlens.json': broken['unknown-rule'] });
    for (const [name, text] of Object.entries(broken)) writeTree(ws, { [`broken/${name}/.plaidlens.json`]: text, [`broken/${name}/a.ts`]: '// plaid\n' });
    writeTree(tmp, { 'good.plaidlens.json': '{ "rules": { "hardcoded-client-id": "error" } }\n' });
  });

  suiteTeardown(() => removeTree(tmp));

  test('Should plant every value in the fixtures, so the search has something to find', () => {
    const all = Object.values(files).map((f) => f.text).join('\n');
    const missing = values.filter((v) => !all.includes(v.value)).map((v) => v.label);
    assert.deepEqual(missing, []);
    assert.ok(planted.tokens.length >= 30, `only ${planted.tokens.length} tokens planted`);
  });

  suite('CLI', () => {
    const scanArgs = (format, extra = []) => ['scan', '--config', '../good.plaidlens.json', '--format', format, ...extra, '.'];

    test('Should keep every value out of scan reports in text, JSON and SARIF, on stdout and in --output files', async () => {
      const captures = [];
      const findingsPerFile = new Map();
      for (const format of ['text', 'json', 'sarif']) {
        const args = scanArgs(format);
        const run = await runCli(args, { cwd: ws });
        assert.equal(run.code, 1, `${args.join(' ')}: ${run.stderr}`);
        captures.push(...cliCaptures(args, run));
        if (format === 'json') for (const f of JSON.parse(run.stdout)) findingsPerFile.set(f.file, f.findings.length);
        const outArgs = scanArgs(format, ['--output', `../out/report.${format}`]);
        const toFile = await runCli(outArgs, { cwd: ws });
        assert.equal(toFile.code, 1, toFile.stderr);
        assert.equal(toFile.stdout, '');
        captures.push(...cliCaptures(outArgs, toFile), { source: `--output report.${format}`, text: fs.readFileSync(path.join(tmp, 'out', `report.${format}`), 'utf8') });
      }
      // Each language file holds a credential pair or tokens the scanner must report, or the check proves little.
      const silent = LANGUAGES.map((l) => l.file).filter((f) => !f.startsWith('.env') && !(findingsPerFile.get(f) > 0));
      assert.deepEqual(silent, [], 'files with planted values but no findings');
      assertNoLeaks(values, captures, 'scan reports');
    });

    test('Should keep every value out of history and staged reports, baselines and git notes', async function () {
      this.timeout(120_000);
      const repo = path.join(tmp, 'repo');
      writeTree(repo, Object.fromEntries(Object.entries(files).map(([file, f]) => [file, f.text])));
      const git = (...args) => {
        const done = spawnSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], { cwd: repo, encoding: 'utf8' });
        assert.equal(done.status, 0, done.stderr);
      };
      git('init', '-q');
      git('add', '-A');
      git('commit', '-qm', 'fixtures');
      // Half the files leave HEAD, so history reports values both still there and gone.
      for (const file of Object.keys(files).filter((_, i) => i % 2 === 0)) fs.rmSync(path.join(repo, file));
      git('add', '-A');
      git('commit', '-qm', 'remove half');
      writeTree(repo, { 'staged/again.js': Object.values(files)[1].text });
      git('add', '-A');
      const [token] = planted.tokens.map((t) => t.value);
      const [secret] = planted.credentials.filter((c) => c.kind === 'secret').map((c) => c.value);
      const runs = [
        ...['text', 'json', 'sarif'].flatMap((format) => [
          ['history', '--format', format],
          ['history', '--format', format, '--output', `../out/history.${format}`],
          ['scan', '--staged', '--format', format],
        ]),
        ['history', '--write-baseline', '../out/history-baseline.json', '--write-sources', '../out/sources'],
        ['history', '--baseline', '../out/history-baseline.json'],
        ['scan', '--staged', '--write-baseline', '../out/staged-baseline.json'],
        ['scan', '--write-baseline', '../out/scan-baseline.json', '.'],
      ];
      const captures = [];
      let findings = 0;
      for (const args of runs) {
        const run = await runCli(args, { cwd: repo });
        assert.ok(run.code === 0 || run.code === 1, `${args.join(' ')} exited ${run.code}: ${run.stderr}`);
        if (args.includes('json') && args[0] === 'history' && !args.includes('--output')) findings = JSON.parse(run.stdout).length;
        captures.push(...cliCaptures(args, run));
      }
      assert.ok(findings >= LANGUAGES.length, `history found only ${findings} values`);
      const written = fs.readdirSync(path.join(tmp, 'out'), { recursive: true }).filter((f) => fs.statSync(path.join(tmp, 'out', f)).isFile());
      assert.ok(written.filter((f) => f.startsWith('sources')).length >= LANGUAGES.length / 2, 'too few masked sources written');
      for (const file of written) captures.push({ source: `out/${file}`, text: fs.readFileSync(path.join(tmp, 'out', file), 'utf8') });
      for (const args of [['history', '--since', token], ['history', '--branch', secret], ['history', '--baseline', secret], ['history', token]]) {
        const run = await runCli(args, { cwd: repo });
        assert.equal(run.code, args[1] === token ? 0 : 2, `${args.join(' ')}: ${run.stderr}`);
        captures.push(...cliCaptures(args, run));
      }
      assertNoLeaks(values, captures, 'git scans and baselines');
    });

    test('Should mask values quoted by configuration errors (exit 2 naming file, line and field)', async () => {
      const captures = [];
      const targets = ['.', ...Object.keys(brokenConfigs(planted)).map((name) => `broken/${name}`)];
      for (const target of targets) {
        const run = await runCli(['scan', target], { cwd: ws });
        assert.equal(run.code, 2, `scan ${target}: ${run.stderr}`);
        assert.match(run.stderr, /\.plaidlens\.json:\d+:\d+: /, `scan ${target}`);
        captures.push(...cliCaptures(['scan', target], run));
      }
      assertNoLeaks(values, captures, 'configuration errors');
    });

    test('Should show every value only masked when decoding it, from an argument or stdin, as text or JSON', async () => {
      const modes = [
        (v) => ({ args: ['decode', v], stdin: '' }),
        (v) => ({ args: ['decode', v, '--json'], stdin: '' }),
        (v) => ({ args: ['decode', '-'], stdin: `  ${v}\r\n` }),
        (v) => ({ args: ['decode', '-', '--json'], stdin: `${v}\n` }),
      ];
      const jobs = values.flatMap((v, i) => modes.map((mode, m) => ({ value: v, process: i === m, ...mode(v.value) })));
      // Every value in every mode runs the bundle's `main` in-process; one value per mode also runs as a real process.
      const runs = await mapLimit(jobs, CLI_CONCURRENCY, (job) =>
        job.process ? runCli(job.args, { cwd: tmp, stdin: job.stdin }) : runCliInProcess(job.args, { cwd: tmp, stdin: job.stdin }),
      );
      assert.equal(jobs.filter((j) => j.process).length, modes.length);
      const captures = runs.flatMap((run, i) => {
        const job = jobs[i];
        assert.ok(run.code === 0 || run.code === 1, `decode ${job.value.label} exited ${run.code}: ${run.stderr}`);
        assert.match(run.stdout, /…|•/, `decode ${job.value.label} printed no masked value`);
        return cliCaptures([...job.args, `(${job.value.label}${job.process ? ', process' : ''})`], run);
      });
      assertNoLeaks(values, captures, 'decode');
    });

    test('Should print the glossary and mask a credential looked up as a term', async () => {
      const lookups = [['glossary'], ['glossary', '--json'], ['glossary', 'access_token'], ['glossary', planted.credentials[0].value], ['glossary', planted.tokens[0].value, '--json']];
      const captures = [];
      for (const args of lookups) {
        const run = await runCli(args, { cwd: tmp });
        assert.ok(run.code === 0 || run.code === 1, `${args.join(' ')}: ${run.stderr}`);
        captures.push(...cliCaptures(args, run));
      }
      assertNoLeaks(values, captures, 'glossary');
    });

    test('Should mask a value pasted where an option or path was expected', async () => {
      const [token] = planted.tokens.map((t) => t.value);
      const [secret] = planted.credentials.filter((c) => c.kind === 'secret').map((c) => c.value);
      const mistakes = [
        ['scan', token],
        ['scan', '--format', token, '.'],
        ['scan', '--max-warnings', secret, '.'],
        ['scan', '--max-file-size', secret, '.'],
        ['decode', `--${token}`],
        ['decode', token, secret],
        ['glossary', `--${secret}`],
        [token],
        [`--${secret}`],
      ];
      const captures = [];
      for (const args of mistakes) {
        const run = await runCli(args, { cwd: ws });
        assert.equal(run.code, 2, `${args.join(' ')} should be a usage error: ${run.stderr}`);
        captures.push(...cliCaptures(args, run));
      }
      assertNoLeaks(values, captures, 'usage errors');
    });
  });

  suite('Language server, trace at verbose', () => {
    let exchange;

    suiteSetup(async function () {
      this.timeout(90_000);
      exchange = await runLeakExchange({ ws, files, planted });
    });

    suiteTeardown(() => exchange && exchange.kill());

    const byCategory = (predicate) => () => exchange.captures.filter((c) => c.message !== undefined && predicate(c.source));

    const categories = [
      { name: 'published diagnostics (messages and data)', pick: byCategory((s) => s.startsWith('textDocument/publishDiagnostics')) },
      { name: 'hovers on every token and secret', pick: byCategory((s) => s.startsWith('response to textDocument/hover')) },
      { name: 'code actions and their resolved edits (except the .env line)', pick: byCategory((s) => /^response to codeAction\/resolve|^response to textDocument\/codeAction/.test(s)) },
      { name: 'decode command results and errors', pick: byCategory((s) => /^response to (workspace\/executeCommand|plaidLens\/)/.test(s)) },
      { name: 'window/logMessage, window/showMessage and $/logTrace', pick: byCategory((s) => /^(window\/|\$\/logTrace)/.test(s)) },
      { name: 'everything else, the raw stdout and stderr', pick: () => exchange.captures },
    ];
    for (const category of categories) {
      test(`Should keep every value out of ${category.name}`, () => {
        const captures = category.pick();
        assert.ok(captures.length > 0, `nothing captured for ${category.name}`);
        assertNoLeaks(values, captures, category.name);
      });
    }

    test('Should keep every value out of the editor side\'s verbose message trace, written through the masking channel', () => {
      const captures = clientTraceCaptures(exchange.client, loadMaskText());
      assert.ok(captures.some((c) => c.source.includes("'textDocument/didOpen'")), 'the trace holds no opened document');
      assertNoLeaks(values, captures, 'the client trace');
    });

    test('Should have exercised every path: findings, masked hovers, fixes, decoder, verbose logs, config warning', () => {
      const s = exchange.summary;
      assert.ok(s.diagnostics >= LANGUAGES.length * 2, `only ${s.diagnostics} diagnostics`);
      assert.ok(s.maskedHovers >= planted.tokens.length, `only ${s.maskedHovers} hovers showed a masked token`);
      assert.ok(s.resolvedMoves > 0, 'no "Move to environment variable" action was resolved');
      assert.ok(s.decoded >= values.length, `only ${s.decoded} decode results`);
      assert.ok(s.verboseLogs > 0, 'no verbose log line arrived');
      assert.ok(s.showMessages > 0, 'the broken .plaidlens.json and settings were not reported');
    });

    test('Should leave out only the .env line of "Move to environment variable", which holds the value by design', () => {
      assert.ok(exchange.excluded.length > 0, 'no .env edit was seen');
      const known = new Set(values.map((v) => v.value));
      for (const text of exchange.excluded) {
        const match = /^PLAID_[A-Z_]+=(.*)\r?\n$/.exec(text);
        assert.ok(match, `an excluded .env edit is not one KEY=value line: ${JSON.stringify(text.replace(/[0-9a-f]{8,}/g, '<hex>'))}`);
        assert.ok(known.has(match[1]), 'an excluded .env line holds something other than a planted value');
      }
    });
  });
});
