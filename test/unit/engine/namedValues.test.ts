/**
 * Name/value pairs: the key that names a value sits in a `name` field beside it (Kubernetes and Helm env lists,
 * ECS and CloudFormation objects, Terraform blocks), and never leaks from one item or object to the next.
 */
import * as assert from 'assert';
import { followsValueKey, isBeforeValue, pairedName } from '../../../server/src/engine/namedValues';
import { replayHint, testRandom } from '../../seed';
import { assertRow, CLIENT_ID, SECRET, UUID, type Row } from './helpers';

const RULES = ['hardcoded-secret', 'hardcoded-client-id', 'development-environment', 'malformed-token'] as const;

suite('Name/value pairs: flagged', () => {
  const rows: Row[] = [
    {
      name: 'a Kubernetes env list: the secret on the line after its name',
      file: 'k8s/deployment.yaml',
      text: `env:\n  - name: PLAID_SECRET\n    value: "${SECRET}"\n`,
      expect: [{ rule: 'hardcoded-secret', severity: 'error', flagged: SECRET, message: ['in `PLAID_SECRET`'] }],
    },
    {
      name: 'a Helm template with the client ID unquoted',
      file: 'chart/templates/api.yaml',
      text: `        - name: PLAID_CLIENT_ID\n          value: ${CLIENT_ID}\n`,
      expect: [{ rule: 'hardcoded-client-id', severity: 'warning', flagged: CLIENT_ID }],
    },
    {
      name: 'a setting name in mixed case is the only mention of Plaid',
      file: 'deploy/values.yaml',
      text: `env:\n  - name: NODE_ENV\n    value: development\n  - name: Plaid_Environment\n    value: development\n`,
      expect: [{ rule: 'development-environment', severity: 'error', flagged: 'development', message: ['`Plaid_Environment`'] }],
    },
    {
      name: 'PLAID_ENV set to development in a Kubernetes env list',
      file: 'k8s/worker.yml',
      text: `        - name: PLAID_ENV\n          value: development\n`,
      expect: [{ rule: 'development-environment', severity: 'error', flagged: 'development', message: ['`PLAID_ENV`'] }],
    },
    {
      name: 'PLAID_ENVIRONMENT quoted, with a comment between name and value',
      file: 'k8s/worker.yml',
      text: `- name: PLAID_ENVIRONMENT\n  # switch before launch\n  value: "development"\n`,
      expect: [{ rule: 'development-environment', severity: 'error', flagged: 'development' }],
    },
    {
      name: 'an ECS container definition on one line',
      file: 'ecs/task.json',
      text: `{"environment": [{ "name": "PLAID_SECRET", "value": "${SECRET}" }]}`,
      expect: [{ rule: 'hardcoded-secret', severity: 'error', flagged: SECRET }],
    },
    {
      name: 'an ECS container definition over several lines',
      file: 'ecs/task.json',
      text: `[\n  {\n    "name": "PLAID_ENV",\n    "value": "development"\n  }\n]`,
      expect: [{ rule: 'development-environment', severity: 'error', flagged: 'development' }],
    },
    {
      name: 'a CloudFormation object with the value before the name',
      file: 'stack.json',
      text: `{ "Value": "${SECRET}", "Name": "PLAID_SECRET" }`,
      expect: [{ rule: 'hardcoded-secret', severity: 'error', flagged: SECRET }],
    },
    {
      name: 'a Terraform env block',
      file: 'infra/run.tf',
      text: `env {\n  name  = "PLAID_ENV"\n  value = "development"\n}\n`,
      expect: [{ rule: 'development-environment', severity: 'error', flagged: 'development' }],
    },
    {
      name: 'a Terraform container definition list',
      file: 'infra/ecs.tf',
      text: `environment = [\n  {\n    name  = "PLAID_SECRET"\n    value = "${SECRET}"\n  },\n]`,
      expect: [{ rule: 'hardcoded-secret', severity: 'error', flagged: SECRET }],
    },
    {
      name: 'a name/value pair whose name says token: an ordinary word is a malformed token',
      file: 'k8s/api.yaml',
      text: `- name: PLAID_ACCESS_TOKEN\n  value: access-sandbox-placeholder\n`,
      expect: [{ rule: 'malformed-token', severity: 'warning', flagged: 'placeholder' }],
    },
    {
      name: 'docker-compose list form still holds',
      file: 'docker-compose.yml',
      text: `services:\n  api:\n    environment:\n      - PLAID_ENV=development\n      - PLAID_SECRET=${SECRET}\n`,
      expect: [
        { rule: 'development-environment', severity: 'error', flagged: 'development' },
        { rule: 'hardcoded-secret', severity: 'error', flagged: SECRET },
      ],
    },
    {
      name: 'docker-compose map form still holds',
      file: 'compose.yaml',
      text: `services:\n  api:\n    environment:\n      PLAID_ENV: development\n      PLAID_CLIENT_ID: "${CLIENT_ID}"\n`,
      expect: [
        { rule: 'development-environment', severity: 'error', flagged: 'development' },
        { rule: 'hardcoded-client-id', severity: 'warning', flagged: CLIENT_ID },
      ],
    },
    {
      name: 'a GitHub Actions env map still holds',
      file: '.github/workflows/ci.yml',
      text: `jobs:\n  test:\n    env:\n      PLAID_ENV: development\n      PLAID_SECRET: ${SECRET}\n`,
      expect: [
        { rule: 'development-environment', severity: 'error', flagged: 'development' },
        { rule: 'hardcoded-secret', severity: 'error', flagged: SECRET },
      ],
    },
  ];
  for (const row of rows) test(row.name, () => assertRow(row, RULES));
});

suite('Name/value pairs: silent', () => {
  const rows: Row[] = [
    {
      name: 'an item named OTHER does not borrow the name of the item above it',
      file: 'k8s/deployment.yaml',
      text: `- name: PLAID_SECRET\n  valueFrom:\n    secretKeyRef: { name: plaid, key: secret }\n- name: OTHER\n  value: "${SECRET}"\n`,
      expect: [],
    },
    {
      name: 'an item without a name does not borrow the one above',
      file: 'k8s/deployment.yaml',
      text: `- name: PLAID_ENV\n  description: which Plaid environment\n- value: development\n`,
      expect: [],
    },
    {
      name: 'an ECS object without a name does not borrow the previous object’s',
      file: 'ecs/task.json',
      text: `[{ "name": "PLAID_SECRET", "valueFrom": "arn:aws:ssm:plaid" }, { "value": "${SECRET}" }]`,
      expect: [],
    },
    {
      name: 'a Terraform block after a closed one',
      file: 'infra/run.tf',
      text: `env {\n  name = "PLAID_ENV"\n  value = var.plaid_env\n}\nenv {\n  value = "development"\n}\n`,
      expect: [],
    },
    {
      name: 'a secret reference instead of a value',
      file: 'k8s/api.yaml',
      text: `- name: PLAID_SECRET\n  valueFrom:\n    secretKeyRef:\n      name: plaid\n      key: secret\n`,
      expect: [],
    },
    {
      name: 'a Helm value that is a template',
      file: 'chart/templates/api.yaml',
      text: `- name: PLAID_ENV\n  value: {{ .Values.plaid.env | quote }}\n`,
      expect: [],
    },
    {
      name: 'NODE_ENV set to development in an env list',
      file: 'k8s/api.yaml',
      text: `# Plaid API\n- name: NODE_ENV\n  value: development\n`,
      expect: [],
    },
    {
      name: 'a name too far above its value',
      file: 'k8s/api.yaml',
      text: `- name: PLAID_ENV\n  a: 1\n  b: 2\n  c: 3\n  d: 4\n  value: development\n`,
      expect: [],
    },
    {
      name: 'a field whose key only ends in name',
      file: 'infra/run.tf',
      text: `env {\n  secret_name = "PLAID_SECRET"\n  value = "${SECRET}"\n}\n`,
      expect: [],
    },
    {
      name: 'a Sandbox value for PLAID_ENV',
      file: 'k8s/api.yaml',
      text: `- name: PLAID_ENV\n  value: sandbox\n- name: PLAID_ACCESS_TOKEN\n  value: access-sandbox-${UUID}\n`,
      expect: [],
    },
    {
      name: 'NODE_ENV set to development in a file that never says Plaid',
      file: 'k8s/web.yaml',
      text: `env:\n  - name: NODE_ENV\n    value: development\n  - name: LOG_LEVEL\n    value: debug\n`,
      expect: [],
    },
    {
      name: 'NODE_ENV set to development beside Plaid settings',
      file: 'k8s/api.yaml',
      text: `env:\n  - name: PLAID_CLIENT_ID\n    valueFrom: {}\n  - name: NODE_ENV\n    value: development\n`,
      expect: [],
    },
  ];
  for (const row of rows) test(row.name, () => assertRow(row, RULES));
});

suite('pairedName', () => {
  const cases: [text: string, value: string, name: string | undefined][] = [
    ['- name: A\n  value: x', 'x', 'A'],
    ['{"name":"A","value":"x"}', 'x', 'A'],
    ['{\\"name\\":\\"A\\",\\"value\\":\\"x\\"}', 'x', 'A'],
    ['{"value":"x","name":"A"}', 'x', 'A'],
    ['env { name = "A"\n value = "x" }', 'x', 'A'],
    ['- name: A\n- value: x', 'x', undefined],
    ['name: A\nother: x', 'x', undefined],
    ['{"name":"A"},{"value":"x"}', 'x', undefined],
    ['- name: A\n  name: B\n  value: x', 'x', 'B'],
    ['{"name":"A", "name":"B", "value":"x"}', 'x', 'B'],
    ['{"value":"x","name":"A","name":"B"}', 'x', 'A'],
    ['{"value":"x","label":"A"}', 'x', undefined],
    ['- name: A\n  value: x\n- name: B\n  value: y', 'y', 'B'],
    ['xname: A\n  value: x', 'x', undefined],
    ['Name: A\n  VALUE: x', 'x', 'A'],
  ];
  for (const [text, value, name] of cases) {
    test(`Should read ${String(name)} for ${JSON.stringify(text)}`, () => {
      assert.strictEqual(pairedName(text, text.lastIndexOf(value)), name);
    });
  }
});

/** The definition `followsValueKey` reads code by code: up to 8 of `["'\\\s:=]` back, then `value` in any case. */
function followsValueKeyByRegExp(text: string, at: number): boolean {
  let i = at - 1;
  for (let skipped = 0; i >= 0 && skipped < 8 && /["'\\\s:=]/.test(text[i]!); i--) skipped++;
  return i >= 4 && text.slice(i - 4, i + 1).toLowerCase() === 'value';
}

suite('followsValueKey: the code-by-code read equals the expression', () => {
  test('every UTF-16 code is between a key and its value exactly when the expression says so', () => {
    for (let c = 0; c < 0x10000; c++) {
      assert.strictEqual(isBeforeValue(c), /["'\\\s:=]/.test(String.fromCharCode(c)), `code ${c.toString(16)}`);
    }
  });

  const cases: [text: string, at: number, expected: boolean][] = [
    ['value: x', 7, true],
    ['VALUE= x', 7, true],
    ['"Value": "x', 10, true],
    ['value\\"x', 7, true],
    ['value' + ' '.repeat(8) + 'x', 13, true],
    ['value' + ' '.repeat(9) + 'x', 14, false],
    ['value\u00a0\u3000x', 7, true],
    ['value\u200bx', 6, false],
    ['valux: x', 7, false],
    ['alue: x', 6, false],
    ['value', 5, true],
    ['value', 4, false],
    ['', 0, false],
    ['va\u212Aue: x', 7, false],
    ['v\u0130lue: x', 7, false],
    ['@ALUE: x', 7, false],
    ['`value: x', 8, true],
  ];
  for (const [text, at, expected] of cases) {
    test(`${JSON.stringify(text)} at ${at}: ${expected}`, () => {
      assert.strictEqual(followsValueKey(text, at), expected);
      assert.strictEqual(followsValueKeyByRegExp(text, at), expected, 'the expression agrees');
    });
  }

  test('seeded texts of keys, quotes, blanks and look-alike letters', () => {
    const random = testRandom('followsValueKey');
    const pieces = ['value', 'VALUE', 'Value', 'valu', 'alue', 'vAlUe', ' ', '  ', '\t', '\n', '"', "'", '\\', ':', '=', '\u00a0', '\u212a', 'V', '@', 'x', '-'];
    for (let n = 0; n < 3000; n++) {
      let text = '';
      for (let k = random.int(8); k >= 0; k--) text += random.pick(pieces);
      for (let at = 0; at <= text.length; at++) {
        assert.strictEqual(followsValueKey(text, at), followsValueKeyByRegExp(text, at), `${JSON.stringify(text)} at ${at}; replay with ${replayHint()}`);
      }
    }
  });
});
