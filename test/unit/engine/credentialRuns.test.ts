/**
 * How the credential rules find values: the hex runs after a key, read by a bounded loop that must find exactly what
 * the rule's regular expression defines, the entropy test, and the findings on long generated lines, where every
 * planted value is reported once with its full message and fix.
 */
import * as assert from 'assert';
import { scan, type Finding } from '../../../server/src/engine';
import { ASSIGNED_TO, CREDENTIAL_HEX_RUN, entropy, hexRunsIn } from '../../../server/src/engine/rules/credentials';
import { replayHint, testRandom } from '../../seed';
import { applyFix, assertRow, CLIENT_ID, SECRET, type Row } from './helpers';

const RULES = ['hardcoded-secret', 'hardcoded-client-id'] as const;

/** The runs the rule's regular expression finds starting in `[from, to)`, searched as the rule once did. */
function runsByRegExp(text: string, from: number, to: number): [number, number][] {
  const re = new RegExp(CREDENTIAL_HEX_RUN.source, 'g');
  const runs: [number, number][] = [];
  re.lastIndex = from;
  for (let m = re.exec(text); m !== null && m.index < to; m = re.exec(text)) runs.push([m.index, m.index + m[0].length]);
  return runs;
}

function runsByLoop(text: string, from: number, to: number): [number, number][] {
  const runs: [number, number][] = [];
  hexRunsIn(text, from, to, (start, end) => runs.push([start, end]));
  return runs;
}

/** Shannon entropy as a Map of code points in first-seen order: the definition the table-driven count must match. */
function entropyByMap(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

suite('Credential hex runs: the loop finds what the expression defines', () => {
  const hex24 = CLIENT_ID;
  const cases: [name: string, text: string, from: number, to: number, runs: [number, number][]][] = [
    ['a run inside the window', `k="${hex24}"`, 0, 30, [[3, 27]]],
    ['a run that starts in the window and ends past it', `k="${hex24}"`, 0, 4, [[3, 27]]],
    ['a run that starts at the end of the window is not in it', `k="${hex24}"`, 0, 3, []],
    ['a window that opens inside a run finds nothing there', `k="${hex24}"`, 10, 30, []],
    ['a run glued to a word before it', `x${hex24}`, 0, 30, []],
    ['a run glued to an underscore after it', `${hex24}_`, 0, 30, []],
    ['a run going on in letters that are not hex', `${hex24}g`, 0, 30, []],
    ['upper-case hex is no run', hex24.toUpperCase(), 0, 30, []],
    ['a run one digit short', hex24.slice(1), 0, 30, []],
    ['a run at the very start and end of the text', hex24, 0, 24, [[0, 24]]],
    ['two runs, a dash between', `${hex24}-${SECRET}`, 0, 60, [[0, 24], [25, 55]]],
    ['a window past the end of the text', `"${hex24}"`, 0, 1000, [[1, 25]]],
  ];
  for (const [name, text, from, to, runs] of cases) {
    test(name, () => {
      assert.deepStrictEqual(runsByLoop(text, from, to), runs);
      assert.deepStrictEqual(runsByRegExp(text, from, to), runs, 'the expression itself agrees');
    });
  }

  test('Should find the same runs as the expression on seeded text and windows', () => {
    const r = testRandom('credential-hex-runs');
    const pieces = ['a', 'f', '0', '9', 'g', 'A', 'F', '_', '-', ' ', '"', '=', '\n', 'é'];
    for (let n = 0; n < 400; n++) {
      let text = '';
      while (text.length < 300) text += r.int(3) === 0 ? r.hex(20 + r.int(16)) : r.pick(pieces);
      const from = r.int(text.length);
      const to = from + r.int(text.length - from + 40);
      assert.deepStrictEqual(runsByLoop(text, from, to), runsByRegExp(text, from, to), `text ${JSON.stringify(text)} [${from}, ${to}) ${replayHint()}`);
    }
  });
});

suite('Credential keys: the assignment before a value', () => {
  /** The expression as it was before it skipped starts inside words: the one the anchored form must agree with. */
  const UNANCHORED = /([A-Za-z_$][\w$.-]*)(?:\\?["'\])])*\s*(:|=>|:=|=|\(|,|\|\||\?\?|\bor\b)\s*\\?["'`]?$/;
  const read = (re: RegExp, prefix: string) => {
    const m = re.exec(prefix);
    return m ? { index: m.index, key: m[1], operator: m[2] } : null;
  };
  const cases: [prefix: string, key: string | undefined, operator: string | undefined][] = [
    ['const secret = "', 'secret', '='],
    ['9secret: \'', 'secret', ':'],
    ['api_key["secret"] = \'', 'secret', '='],
    ['config.plaid.secret => "', 'config.plaid.secret', '=>'],
    ['.clientId("', 'clientId', '('],
    ['process.env.PLAID_SECRET || \'', 'process.env.PLAID_SECRET', '||'],
    ['os.getenv("PLAID_SECRET") or "', 'PLAID_SECRET', 'or'],
    ['"{\\"secret\\":\\"', 'secret', ':'],
    [`${'k'.repeat(138)}plaid_secret="`, `${'k'.repeat(138)}plaid_secret`, '='],
    ['secret is "', undefined, undefined],
  ];
  for (const [prefix, key, operator] of cases) {
    test(`Should read ${JSON.stringify(prefix.slice(-40))}`, () => {
      const found = read(ASSIGNED_TO, prefix);
      assert.deepStrictEqual(found && { key: found.key, operator: found.operator }, key === undefined ? null : { key, operator });
      assert.deepStrictEqual(found, read(UNANCHORED, prefix));
    });
  }

  test('Should read what the unanchored expression reads, on seeded prefixes', () => {
    const r = testRandom('credential-assigned-to');
    const pieces = ['a', 'Z', '_', '$', '9', '.', '-', 'secret', 'or', ' ', '"', "'", '`', '\\', ']', ')', '(', ':', '=', '=>', ',', '||', '??', '\n'];
    for (let n = 0; n < 3000; n++) {
      let prefix = '';
      const length = r.int(40);
      while (prefix.length < length) prefix += r.pick(pieces);
      assert.deepStrictEqual(read(ASSIGNED_TO, prefix), read(UNANCHORED, prefix), `${JSON.stringify(prefix)} ${replayHint()}`);
    }
  });
});

suite('Credential entropy', () => {
  const cases: [name: string, value: string][] = [
    ['empty', ''],
    ['one character repeated', '000000000000000000000000'],
    ['two characters', 'abababababababababababab'],
    ['a real-looking secret', SECRET],
    ['a client ID', CLIENT_ID],
    ['text with a character beyond ASCII', 'café-crème'],
    ['an astral character', 'a😀b😀c'],
  ];
  for (const [name, value] of cases) {
    test(`Should equal the Map definition to the last bit: ${name}`, () => {
      assert.strictEqual(entropy(value), entropyByMap(value));
    });
  }

  test('Should equal the Map definition on seeded values, ASCII and not, called in any order', () => {
    const r = testRandom('credential-entropy');
    for (let n = 0; n < 2000; n++) {
      const alphabet = r.pick(['0123456789abcdef', '01', 'abcdefghijklmnopqrstuvwxyz', 'aé€😀', '\u007f\u0080x']);
      const value = r.string(r.int(40), alphabet);
      assert.strictEqual(entropy(value), entropyByMap(value), `${JSON.stringify(value)} ${replayHint()}`);
    }
  });
});

suite('Credential findings: messages and fixes', () => {
  /** A row whose first finding's fix, applied, gives `fixed`; `null` when it must carry none. */
  const rows: (Row & { fixed?: string | null })[] = [
    {
      name: 'a secret in TypeScript: the message names the key and the variable, the fix reads it',
      file: 'plaid.ts',
      text: `import { PlaidApi } from 'plaid';\nconst secret = '${SECRET}';`,
      expect: [
        {
          rule: 'hardcoded-secret',
          severity: 'error',
          flagged: SECRET,
          message: ['Hard-coded Plaid secret 8f3b…0c9d in `secret`: keep it out of source and read it from the PLAID_SECRET environment variable.'],
        },
      ],
      fixed: `import { PlaidApi } from 'plaid';\nconst secret = process.env.PLAID_SECRET;`,
    },
    {
      name: 'a client ID in Python reads os.environ',
      file: 'plaid_config.py',
      text: `PLAID_CLIENT_ID = "${CLIENT_ID}"`,
      expect: [
        {
          rule: 'hardcoded-client-id',
          severity: 'warning',
          flagged: CLIENT_ID,
          message: ['Hard-coded Plaid client ID 5f1e…a5b4 in `PLAID_CLIENT_ID`: keep it out of source and read it from the PLAID_CLIENT_ID environment variable.'],
        },
      ],
      fixed: `PLAID_CLIENT_ID = os.environ["PLAID_CLIENT_ID"]`,
    },
    {
      name: 'a default after an environment read has no fix',
      file: 'plaid.js',
      text: `const secret = process.env.PLAID_SECRET || '${SECRET}';`,
      expect: [{ rule: 'hardcoded-secret', severity: 'error', flagged: SECRET }],
      fixed: null,
    },
    {
      name: 'a key of 150 characters shows only the part that names it',
      file: 'plaid.ts',
      text: `${'k'.repeat(138)}plaid_secret="${SECRET}";`,
      expect: [{ rule: 'hardcoded-secret', severity: 'error', flagged: SECRET, message: ['in `…secret`'] }],
    },
    {
      name: 'a secret and a client ID after one another on a line',
      file: 'plaid.ts',
      text: `plaid.init({ secret: "${SECRET}", client_id: "${CLIENT_ID}" })`,
      expect: [
        { rule: 'hardcoded-secret', severity: 'error', flagged: SECRET },
        { rule: 'hardcoded-client-id', severity: 'warning', flagged: CLIENT_ID },
      ],
    },
    {
      name: 'a value further than a line prefix after its key',
      file: 'plaid.ts',
      text: `plaid_secret = ${'x'.repeat(170)} "${SECRET}"`,
      expect: [],
    },
    {
      name: 'a Kubernetes pair, a Terraform block and an ECS object in one file',
      file: 'deploy/plaid.yaml',
      text:
        `- name: PLAID_SECRET\n  value: "${SECRET}"\n` +
        `env {\n  name  = "PLAID_CLIENT_ID"\n  value = "${CLIENT_ID}"\n}\n` +
        `{ "value": "${SECRET}", "name": "PLAID_SECRET" }\n`,
      expect: [
        { rule: 'hardcoded-secret', severity: 'error', flagged: SECRET, message: ['in `PLAID_SECRET`'] },
        { rule: 'hardcoded-client-id', severity: 'warning', flagged: CLIENT_ID, message: ['in `PLAID_CLIENT_ID`'] },
        { rule: 'hardcoded-secret', severity: 'error', flagged: SECRET },
      ],
    },
  ];
  for (const row of rows) {
    test(row.name, () => {
      const found = assertRow(row, RULES);
      if (row.fixed === null) assert.strictEqual(found[0]!.fix, undefined);
      else if (row.fixed !== undefined) assert.strictEqual(applyFix(row.text, found[0]!.fix), row.fixed);
    });
  }
});

suite('Credential findings on long generated lines', () => {
  interface Plant {
    start: number;
    value: string;
    rule: string;
    key: string;
  }

  /** Keys and values on lines of up to some thousand characters, with look-alikes between them; the plants kept. */
  function generate(stream: string): { text: string; plants: Plant[] } {
    const r = testRandom(stream);
    const plants: Plant[] = [];
    let text = '// plaid settings\n';
    const filler = [' ', '; ', 'const x = 1', `hash = "${r.hex(40)}"`, `short = "${r.hex(20)}"`, 'client', 'secretive', '\n'];
    while (text.length < 60_000) {
      if (r.int(3) === 0) {
        text += r.pick(filler);
        continue;
      }
      const secret = r.int(2) === 0;
      const key = r.pick(secret ? ['secret', 'PLAID_SECRET', 'plaid_secret', 'k'.repeat(1 + r.int(130)) + '_secret'] : ['client_id', 'PLAID_CLIENT_ID', 'clientId']);
      const value = r.hex(secret ? 30 : 24);
      if (entropyByMap(value) < 3) continue;
      const quote = r.pick(['"', "'"]);
      // A blank first, so that the key is not glued to a filler word (`client` + `secret`).
      text += ` ${key}${r.pick([' = ', ': ', '='])}${quote}`;
      plants.push({ start: text.length, value, rule: secret ? 'hardcoded-secret' : 'hardcoded-client-id', key });
      text += `${value}${quote}`;
    }
    return { text, plants };
  }

  function shown(key: string, rule: string): string {
    if (key.length <= 40) return key;
    return '…' + (rule === 'hardcoded-secret' ? 'secret' : 'client_id');
  }

  for (const [file, separators] of [['settings.ts', 'lines'], ['settings.min.js', 'one line']] as const) {
    test(`Should report each planted value once, with its message (${separators})`, () => {
      const { text: generated, plants } = generate(`credential-lines:${file}`);
      const text = separators === 'one line' ? generated.replace(/\n/g, ' ') : generated;
      const findings = scan(text, { fileName: file }).filter((f: Finding) => (RULES as readonly string[]).includes(f.rule));
      assert.strictEqual(findings.length, plants.length, replayHint());
      findings.forEach((f, i) => {
        const p = plants[i]!;
        assert.deepStrictEqual(f.range, { start: p.start, end: p.start + p.value.length }, replayHint());
        const term = p.rule === 'hardcoded-secret' ? 'secret' : 'client ID';
        const envVar = p.rule === 'hardcoded-secret' ? 'PLAID_SECRET' : 'PLAID_CLIENT_ID';
        const masked = p.value.slice(0, 4) + '…' + p.value.slice(-4);
        assert.strictEqual(
          f.message,
          `Hard-coded Plaid ${term} ${masked} in \`${shown(p.key, p.rule)}\`: keep it out of source and read it from the ${envVar} environment variable.`,
          replayHint(),
        );
        assert.strictEqual(f.fix?.kind === 'move-to-env' ? f.fix.replacement : undefined, `process.env.${envVar}`, replayHint());
      });
    });
  }
});
