'use strict';
/**
 * Recall and precision per rule on a labelled folder of real files that use Plaid. The folder is never committed
 * (other people's code, some with leaked credentials); it lives in the git-ignored `eval/` by default:
 *
 *   eval/files/<name>     the files, scanned under their own names
 *   eval/labels.json      { "<name>": [[rule, anchor], …] } — each label says a finding of `rule` belongs on the line
 *                         holding `anchor` (`anchor@n` for its n-th occurrence); a file with `[]` must stay silent
 *
 *   npx tsc -b && node bench/eval-accuracy.js [folder] [--misses]
 *
 * A finding matches a label of its rule on its line, each label at most once; several findings of one rule on one
 * token literal count once (one verdict per literal). Unmatched labels are misses (recall), unmatched findings are false
 * alarms (precision). Labels are written from README's rule contract before scanning.
 */
const fs = require('node:fs');
const path = require('node:path');

const args = process.argv.slice(2);
const showMisses = args.includes('--misses');
const folder = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(__dirname, '..', 'eval'));
const engine = require(path.join(__dirname, '..', 'out', 'server', 'src', 'engine', 'index.js'));

const labels = JSON.parse(fs.readFileSync(path.join(folder, 'labels.json'), 'utf8'));
const stats = new Map(engine.RULE_IDS.map((rule) => [rule, { found: 0, missed: 0, extra: 0 }]));
const notes = [];

for (const [name, fileLabels] of Object.entries(labels)) {
  if (name.startsWith('_')) continue;
  const text = fs.readFileSync(path.join(folder, 'files', name), 'utf8');
  const wanted = fileLabels.map(([rule, anchor]) => ({ rule, line: lineOfAnchor(text, anchor, name), used: false }));
  const seen = new Set();
  for (const f of engine.scan(text, { fileName: name })) {
    const line = lineAt(text, f.range.start);
    // One verdict per rule and literal: a token with two broken segments is one malformed literal.
    const literal = `${f.rule}:${f.token ? f.token.range.start : f.range.start}`;
    if (seen.has(literal)) continue;
    seen.add(literal);
    const label = wanted.find((w) => !w.used && w.rule === f.rule && w.line === line);
    if (label) {
      label.used = true;
      stats.get(f.rule).found++;
    } else {
      stats.get(f.rule).extra++;
      notes.push(`false alarm ${name}:${line + 1} ${f.rule}: ${f.message}`);
    }
  }
  for (const w of wanted.filter((w) => !w.used)) {
    stats.get(w.rule).missed++;
    notes.push(`miss ${name}:${w.line + 1} ${w.rule}`);
  }
}

const pct = (n, d) => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);
console.log(`| rule | labelled | found | missed | false alarms | recall | precision |`);
console.log(`|---|---|---|---|---|---|---|`);
const total = { found: 0, missed: 0, extra: 0 };
for (const [rule, s] of stats) {
  for (const k of Object.keys(total)) total[k] += s[k];
  console.log(`| ${rule} | ${s.found + s.missed} | ${s.found} | ${s.missed} | ${s.extra} | ${pct(s.found, s.found + s.missed)} | ${pct(s.found, s.found + s.extra)} |`);
}
console.log(`| all | ${total.found + total.missed} | ${total.found} | ${total.missed} | ${total.extra} | ${pct(total.found, total.found + total.missed)} | ${pct(total.found, total.found + total.extra)} |`);
console.log(`${Object.keys(labels).filter((n) => !n.startsWith('_')).length} files`);
if (showMisses) for (const n of notes) console.log(n);

/** The 0-based line of the n-th occurrence of `anchor` (`text@n`), failing loudly when the label is stale. */
function lineOfAnchor(text, anchor, name) {
  const m = /^(.*)@(\d+)$/s.exec(anchor);
  const needle = m ? m[1] : anchor;
  let at = -1;
  for (let n = m ? Number(m[2]) : 1; n > 0; n--) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${name}: label anchor ${JSON.stringify(anchor)} is not in the file`);
  }
  return lineAt(text, at);
}

function lineAt(text, offset) {
  let line = 0;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
