'use strict';
/**
 * Renders a run's results as Markdown: the targets of the performance issue with ✓/✗ and the gap named, then the
 * detail of each section, the machine and the exact commands. The same text is printed and written into
 * BENCHMARKS.md between its markers.
 */
const fs = require('node:fs');
const { RATIO_TARGET } = require('../sections/adversarial');
const { historyTargets, historyTable } = require('../sections/history');
const { BENCHMARKS_MD } = require('./paths');

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';
const MB = 1024 * 1024;

const INTRO = `# Benchmarks

Plaid Lens measured side by side with its peers, on one machine, in one run. Everything between the markers below
is rewritten by \`npm run bench\` (ten to fifteen minutes on two cores; \`npm run bench -- --quick\` is a short check
that leaves this file alone). The CLI is measured on three trees: the corpus and a look-alike-dense corpus, both
generated from a fixed seed by \`bench/corpus.js\` with a known number of planted findings, and real code copied from
the installed dependencies, where it must find nothing. The peers are installed by the benchmark into a cache
outside the repository and get the same patterns, \`bench/patterns/plaid.txt\`. \`bench/README.md\` says what each
measurement does.

`;

const num = (n, digits = 0) => (n === undefined || n === null || Number.isNaN(n) ? '–' : n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
const ms = (n) => (n === undefined || n === null ? '–' : n >= 1000 ? `${num(n / 1000, 2)} s` : `${num(n, n < 10 ? 2 : n < 100 ? 1 : 0)} ms`);
const mib = (kb) => (kb === undefined || kb === null ? '–' : `${num(kb / 1024, 1)} MB`);
const ratio = (n) => (n === undefined || !Number.isFinite(n) ? '–' : `${num(n, n < 10 ? 2 : 1)}×`);
/** A table row; each cell on one line with its pipes escaped, so an error message cannot break the table. */
const row = (cells) => `| ${cells.map((c) => String(c).split('\n')[0].replace(/\|/g, '\\|')).join(' | ')} |`;
const NOT_RUN = 'not run';

/** The same comparison in CPU time, which other processes on the machine disturb less than the wall clock. */
const cpuRatio = (a, b) => (a && b ? ` (CPU time ${ratio(a / b)})` : '');

/** A ✓ or a ✗ with the gap. */
const status = (met, gap) => (met ? '✓' : `✗ ${gap}`);

/** The rows of one CLI tree: speed against both peers and the findings it must give. */
function cliTargetRows(key, tree) {
  const rows = [];
  const ours = tree.tools.ours;
  const rg = tree.tools.rg;
  const sl = tree.tools.secretlint;
  const on = `(${TREE_NAMES[key]})`;
  if (ours?.ok && sl?.ok) {
    const r = sl.wallMs / ours.wallMs;
    rows.push([`CLI ≥ 10× faster than secretlint ${on}`, ms(ours.wallMs), `secretlint ${ms(sl.wallMs)}: ${ratio(r)}${cpuRatio(sl.cpuMs, ours.cpuMs)}`, status(r >= 10, `${ratio(r)}; the CLI needs to be ${ratio(10 / r)} faster`)]);
  } else rows.push([`CLI ≥ 10× faster than secretlint ${on}`, ours?.ok ? ms(ours.wallMs) : ours?.error ?? NOT_RUN, sl?.error ?? NOT_RUN, '–']);
  if (ours?.ok && rg?.ok) {
    const r = ours.wallMs / rg.wallMs;
    rows.push([`CLI within 2× of ripgrep's wall time ${on}`, ms(ours.wallMs), `ripgrep ${ms(rg.wallMs)}: ${ratio(r)}${cpuRatio(ours.cpuMs, rg.cpuMs)}`, status(r <= 2, `${ratio(r)} ripgrep; ${ratio(r / 2)} over the bound`)]);
  } else rows.push([`CLI within 2× of ripgrep's wall time ${on}`, ours?.ok ? ms(ours.wallMs) : ours?.error ?? NOT_RUN, rg?.error ?? NOT_RUN, '–']);
  if (ours?.ok) {
    const diffs = ours.comparison.ruleDiffs;
    const gap = diffs.map((d) => `${d.rule} ${num(d.got)} (expected ${num(d.expected)})`).join('; ');
    const what = tree.corpus.expected.engineTotal === 0 ? `CLI findings = none ${on}` : `CLI findings = the planted findings, per rule and file ${on}`;
    rows.push([what, num(ours.findings), `expected ${num(tree.corpus.expected.engineTotal)}`, status(diffs.length === 0 && ours.comparison.filesDiffering === 0, `${gap || 'same per rule'}; ${ours.comparison.filesDiffering} file(s) differ`)]);
  }
  return rows;
}

/** Short names of the CLI trees, for the targets. */
const TREE_NAMES = { corpus: 'corpus', realCode: 'real code', dense: 'look-alike-dense' };

function targetRows(results) {
  const rows = [];
  const cli = results.cli;
  if (cli?.available) for (const [key, tree] of Object.entries(cli.trees)) rows.push(...cliTargetRows(key, tree));
  else rows.push(['CLI within 2× of ripgrep, ≥ 10× faster than secretlint', cli?.reason ?? NOT_RUN, '', '–']);
  rows.push(...apiTargetRows(results.api));
  const ed = results.editor;
  if (ed?.available) {
    rows.push(['Edit → diagnostics median ≤ 10 ms (5 MB document)', ms(ed.edits.medianMs), `full scan() ${ms(ed.fullScanMs)}`, status(ed.edits.medianMs <= 10, `${ratio(ed.edits.medianMs / 10)} over`)]);
    rows.push(['Edit → diagnostics p95 ≤ 25 ms', ms(ed.edits.p95Ms), `max ${ms(ed.edits.maxMs)}`, status(ed.edits.p95Ms <= 25, `${ratio(ed.edits.p95Ms / 25)} over`)]);
    rows.push(['Diagnostics after the edits = a full scan of the final text', `${num(ed.finalDiagnostics)} published`, `${num(ed.finalScanFindings)} by scan()`, status(ed.finalMatchesFullScan, 'they differ')]);
    rows.push(['Hover median ≤ 2 ms', ms(ed.hovers.medianMs), `${ed.hovers.answered}/${ed.hovers.count} with content`, status(ed.hovers.medianMs <= 2 && ed.hovers.answered === ed.hovers.count, ed.hovers.medianMs > 2 ? `${ratio(ed.hovers.medianMs / 2)} over` : 'some hovers came back empty')]);
  } else rows.push(['Edit → diagnostics ≤ 10 ms median, ≤ 25 ms p95; hover ≤ 2 ms', ed?.reason ?? NOT_RUN, '', '–']);
  const mem = results.memory;
  if (mem?.available) {
    rows.push([`Server RSS ≤ 60 MB with ${num(mem.documents)} open documents (after ${num(mem.idleMs)} ms idle and a full GC)`, mib(mem.collectedRssKb), `V8 heap ${mib(mem.heapUsedKb)}, documents ${num(mem.totalBytes / MB, 1)} MB; idle server ${mib(mem.idleRssKb)}`, status(mem.collectedRssKb <= 60 * 1024, `${mib(mem.collectedRssKb - 60 * 1024)} over`)]);
  } else rows.push(['Server RSS ≤ 60 MB with 1,000 open documents', mem?.reason ?? NOT_RUN, '', '–']);
  const st = results.startup;
  if (st?.available) {
    rows.push(['Server ready (spawn → initialize answered) ≤ 200 ms', ms(st.serverMs), `\`node -e 0\` ${ms(st.nodeMs)}`, status(st.serverMs <= 200, `${ms(st.serverMs - 200)} over`)]);
  } else rows.push(['Server ready ≤ 200 ms', st?.reason ?? NOT_RUN, '', '–']);
  const vsix = results.vsix;
  if (vsix?.available) {
    rows.push(['VSIX ≤ 400 KB', `${num(vsix.bytes / 1024, 1)} KB`, '', status(vsix.bytes <= 400 * 1024, `${num((vsix.bytes - 400 * 1024) / 1024, 1)} KB over`)]);
  } else rows.push(['VSIX ≤ 400 KB', vsix?.reason ?? NOT_RUN, '', '–']);
  const adv = results.adversarial;
  if (adv?.available) {
    const worst = [...adv.cases].sort((a, b) => (b.ratio ?? Infinity) - (a.ratio ?? Infinity))[0];
    const slowest = adv.cases.find((c) => c.name === adv.slowest);
    rows.push([`Hostile 10 MB input costs ≤ ${RATIO_TARGET}× the 1 MB one (worst case)`, `${ratio(worst.ratio)} (${worst.name})`, `slowest ${num(slowest?.mbPerSecond, 1)} MB/s (${adv.slowest})`, status(adv.cases.every((c) => c.met), `${adv.cases.filter((c) => !c.met).map((c) => c.name).join(', ')}`)]);
  } else rows.push([`Hostile 10 MB input ≤ ${RATIO_TARGET}× the 1 MB one`, NOT_RUN, '', '–']);
  return rows;
}

function cliTable(cli) {
  const lines = [`### CLI throughput, ${cli.corpus.title}: ${num(cli.corpus.files)} files, ${num(cli.corpus.bytes / MB, 1)} MB`, ''];
  lines.push(row(['Tool', 'Wall (median)', 'CPU user+sys', 'Peak RSS', 'MB/s', 'Findings', 'Expected']), row(Array(7).fill('---')));
  const expected = cli.corpus.expected;
  const planted = expected.regex !== undefined;
  const describe = {
    ours: planted ? `${num(expected.engineTotal)} planted engine findings` : 'none',
    rg: planted ? `${num(expected.regex)} pattern matches (planted + look-alikes)` : 'not known in advance',
    secretlint: planted ? `${num(expected.regex)} pattern matches` : 'not known in advance',
    rgLiteral: 'a yardstick, not a peer: the cost of reading the tree',
  };
  for (const key of ['ours', 'rg', 'rgLiteral', 'secretlint']) {
    const t = cli.tools[key];
    if (!t) continue;
    if (!t.ok) {
      lines.push(row([t.name, t.error, '', '', '', '', describe[key]]));
      continue;
    }
    const name = t.version ? `${t.name} ${t.version.replace(/^ripgrep /, '')}` : t.name;
    lines.push(row([name, ms(t.wallMs), ms(t.cpuMs), mib(t.peakRssKb), num(cli.corpus.bytes / MB / (t.wallMs / 1000), 1), num(t.findings), describe[key]]));
  }
  const ours = cli.tools.ours;
  lines.push('');
  const once = Object.values(cli.tools).filter((t) => t.ok && ours?.runs && t.runs < ours.runs).map((t) => t.name);
  lines.push(`Each tool ran ${ours?.runs ?? '–'} time(s) after one untimed pass that loads the files into the page cache` +
    `${once.length ? ` (${once.join(', ')} once: a run over 30 s is not repeated)` : ''}. ` +
    `Peers count each place once (ripgrep \`--count-matches\`, one combined expression for secretlint); the CLI ` +
    `counts findings, so a Development token is two (development-environment and hardcoded-token).`);
  if (ours?.ok && ours.comparison.fileDiffs.length > 0) {
    lines.push('', `Where the CLI differs from the planted counts (${ours.comparison.filesDiffering} file(s); examples per rule):`, '');
    for (const d of ours.comparison.fileDiffs) lines.push(`- \`${d.file}\`: ${d.rule} ${d.got}, expected ${d.expected}`);
  }
  if (cli.commands) lines.push('', '```sh', ...cli.commands, '```');
  return lines;
}

/** The API glossary's targets: hover and completion on the 5 MB document, and what its data costs an idle server. */
function apiTargetRows(api) {
  if (!api?.available) return [['API hover ≤ 2 ms, completion ≤ 10 ms; data ≤ +5 MB', api?.reason ?? NOT_RUN, '', '–']];
  const h = api.apiHover;
  const c = api.completion;
  const t = api.tokenHover;
  const extra = api.load.loadedRssKb - api.load.idleRssKb;
  return [
    [`API hover median ≤ 2 ms (${num(api.documentBytes / MB, 1)} MB document)`, ms(h.medianMs), `token hover ${ms(t.medianMs)}: ${ratio(h.medianMs / t.medianMs)}; ${h.answered}/${h.count} with the endpoint`, status(h.medianMs <= 2 && h.answered === h.count, h.medianMs > 2 ? `${ratio(h.medianMs / 2)} over` : 'some hovers came back empty')],
    [`API completion median ≤ 10 ms (${num(api.documentBytes / MB, 1)} MB document)`, ms(c.medianMs), `token hover ${ms(t.medianMs)}: ${ratio(c.medianMs / t.medianMs)}; ${c.withCursor}/${c.count} offer \`cursor\``, status(c.medianMs <= 10 && c.withCursor === c.count, c.medianMs > 10 ? `${ratio(c.medianMs / 10)} over` : 'some completions lacked `cursor`')],
    ['Server RSS with the API data loaded ≤ idle + 5 MB', `+${mib(extra)}`, `idle ${mib(api.load.idleRssKb)}, loaded and settled ${mib(api.load.loadedRssKb)}`, status(extra <= 5 * 1024, `${mib(extra - 5 * 1024)} over`)],
  ];
}

function apiDetailRows(api) {
  if (!api?.available) return [];
  return [
    '', `### API glossary: ${num(api.documentBytes / MB, 1)} MB TypeScript document with ${num(api.calls)} planted SDK calls, over stdio LSP`, '', row(['Measure', 'Value']), row(['---', '---']),
    row([`hover on an SDK method, ${api.apiHover.count} times`, `median ${ms(api.apiHover.medianMs)}, p95 ${ms(api.apiHover.p95Ms)}`]),
    row([`completion inside the request object, ${api.completion.count} times`, `median ${ms(api.completion.medianMs)}, p95 ${ms(api.completion.p95Ms)}`]),
    row([`peer: hover on a token, same document and run, ${api.tokenHover.count} times`, `median ${ms(api.tokenHover.medianMs)}, p95 ${ms(api.tokenHover.p95Ms)}`]),
    row(['first API hover in a fresh server (reads and indexes the data) / a later one', `${ms(api.load.firstHoverMs)} / ${ms(api.load.laterHoverMs)}`]),
    row([`in-process: index plaid-api.json (${num(api.parse.apiBytes / 1024)} KB) / parse plaid-glossary.json (${num(api.parse.glossaryBytes / 1024)} KB)`, `${ms(api.parse.apiIndexMs)} / ${ms(api.parse.glossaryParseMs)}`]),
    row(['server RSS idle / with the API data loaded (settled)', `${mib(api.load.idleRssKb)} / ${mib(api.load.loadedRssKb)}`]),
  ];
}

function detailTables(results) {
  const lines = [...apiDetailRows(results.api)];
  const ed = results.editor;
  if (ed?.available) {
    lines.push('', `### Editor: ${num(ed.documentBytes / MB, 1)} MB TypeScript document over stdio LSP`, '', row(['Measure', 'Value']), row(['---', '---']));
    lines.push(row(['didOpen → first diagnostics', `${ms(ed.openMs)} (${num(ed.openDiagnostics)} diagnostics)`]));
    lines.push(row([`didChange → publishDiagnostics, ${ed.edits.count} one-character edits`, `median ${ms(ed.edits.medianMs)}, p95 ${ms(ed.edits.p95Ms)}, max ${ms(ed.edits.maxMs)}`]));
    lines.push(row([`hover, ${ed.hovers.count} tokens`, `median ${ms(ed.hovers.medianMs)}, p95 ${ms(ed.hovers.p95Ms)}`]));
    lines.push(row(['peer: one in-process `scan()` of the same text', `${ms(ed.fullScanMs)} (${num(ed.findings)} findings)`]));
    lines.push(row(['edit latency / full scan', ratio(ed.edits.medianMs / ed.fullScanMs)]));
  }
  const mem = results.memory;
  const st = results.startup;
  const ours = results.cli?.trees?.corpus?.tools?.ours;
  if (mem?.available || st?.available || ours?.ok || results.vsix?.available) {
    lines.push('', '### Memory, start-up, size', '', row(['Measure', 'Value']), row(['---', '---']));
    if (mem?.available) {
      lines.push(row([`server RSS: idle (full GC) / right after ${num(mem.documents)} documents (${num(mem.totalBytes / MB, 1)} MB of text) / after ${num(mem.idleMs)} ms idle and a full GC / settled / peak`, `${mib(mem.idleRssKb)} / ${mib(mem.rssKb)} / ${mib(mem.collectedRssKb)} / ${mib(mem.settledRssKb)} / ${mib(mem.peakRssKb)}`]));
      lines.push(row([`V8 heap after the full GC: used / total (idle server: used)`, `${mib(mem.heapUsedKb)} / ${mib(mem.heapTotalKb)} (${mib(mem.idleHeapUsedKb)})`]));
      lines.push(row([`didOpen × ${num(mem.documents)} → every document's diagnostics`, ms(mem.openAllMs)]));
    }
    if (ours?.ok) lines.push(row([`CLI peak RSS on the ${results.cli.trees.corpus.corpus.sizeMb} MB corpus`, mib(ours.peakRssKb)]));
    if (st?.available) lines.push(row([`server spawn → initialize answered (median of ${st.runs})`, ms(st.serverMs)]), row(['peer: `node -e 0` spawn → exit', ms(st.nodeMs)]));
    if (results.vsix?.available) lines.push(row(['VSIX', `${num(results.vsix.bytes)} bytes (${results.vsix.source})`]));
  }
  const adv = results.adversarial;
  if (adv?.available) {
    lines.push('', `### Hostile inputs: one line each, in-process \`scan()\`, best CPU time of at least ${adv.runs} run(s)`, '');
    lines.push(row(['Input', '1 MB', '10 MB', 'MB/s at 10 MB', '10 MB / 1 MB', `≤ ${RATIO_TARGET}×`, 'Findings at 10 MB']), row(Array(7).fill('---')));
    for (const c of adv.cases) {
      const cell = (m) => (m.error ? m.error : ms(m.cpuMs));
      lines.push(row([c.title, cell(c.small), cell(c.large), num(c.mbPerSecond, 1), ratio(c.ratio), c.met ? '✓' : '✗', num(c.large.findings)]));
    }
  }
  return lines;
}

/** A peer's version from whichever CLI tree ran it. */
function peerVersion(results, key) {
  return Object.values(results.cli?.trees ?? {}).map((t) => t.tools[key]?.version).find(Boolean);
}

/** The Markdown for a run. */
function renderReport(results, { machine, options, commands }) {
  const m = machine;
  const lines = [
    `_${m.date}, ${options.quick ? 'quick run' : 'full run'}${options.only ? ` (only ${options.only.join(', ')})` : ''}${m.commit ? `, commit ${m.commit}` : ''}._`,
    '',
    `**Machine:** ${m.cpu}, ${m.cores} cores, ${num(m.memoryGiB, 1)} GiB, ${m.system}, Node ${m.node}; load average ${num(m.loadAverage, 2)} at the start, ${num(m.loadAverageAtEnd, 2)} at the end${m.loadAverage > m.cores || m.loadAverageAtEnd > m.cores ? ' (other work shared the cores: wall times are inflated, CPU times less so)' : ''}.` +
      (peerVersion(results, 'rg') ? ` ${peerVersion(results, 'rg')}.` : '') +
      (peerVersion(results, 'secretlint') ? ` secretlint ${peerVersion(results, 'secretlint')} with @secretlint/secretlint-rule-pattern ${peerVersion(results, 'secretlint')}.` : ''),
    '',
    '### Targets',
    '',
    row(['Target', 'Measured', 'Peer in the same run', 'Status']),
    row(['---', '---', '---', '---']),
    ...targetRows(results).map(row),
    ...(results.history ? historyTargets(results.history).map(row) : []),
  ];
  if (results.cli?.available) for (const tree of Object.values(results.cli.trees)) lines.push('', ...cliTable(tree));
  lines.push(...detailTables(results), ...historyTable(results.history));
  lines.push('', '### Commands', '', '```sh', ...commands, '```');
  return lines.join('\n') + '\n';
}

/** Writes `body` between the markers of BENCHMARKS.md, creating the file with its introduction when missing. */
function writeBenchmarksFile(body, file = BENCHMARKS_MD) {
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : `${INTRO}${START}\n${END}\n`;
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  const base = start >= 0 && end > start ? current : `${current.trimEnd()}\n\n${START}\n${END}\n`;
  const s = base.indexOf(START);
  const e = base.indexOf(END);
  fs.writeFileSync(file, `${base.slice(0, s + START.length)}\n${body}${base.slice(e)}`);
}

module.exports = { renderReport, writeBenchmarksFile };
