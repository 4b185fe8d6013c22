'use strict';
/**
 * Ordinary source text for the corpus: functions, classes, configuration and prose in each language, built from
 * a fixed vocabulary. It never contains the word "plaid", a Plaid token shape, or a 24/30-digit hex run, so every
 * finding in the corpus is one that the plants put there on purpose.
 */

const NOUNS = [
  'account', 'balance', 'order', 'invoice', 'customer', 'payment', 'ledger', 'report', 'cookie', 'profile',
  'widget', 'cache', 'request', 'response', 'handler', 'config', 'record', 'event', 'queue', 'worker', 'budget',
  'transfer', 'merchant', 'category', 'schedule', 'receipt', 'statement', 'limit', 'rate', 'currency', 'address',
  'item', 'holding', 'position', 'price', 'refund', 'dispute', 'payout', 'fee', 'summary', 'metric', 'batch',
];
const VERBS = [
  'get', 'fetch', 'load', 'save', 'update', 'create', 'remove', 'sync', 'build', 'parse', 'format', 'validate',
  'compute', 'render', 'apply', 'resolve', 'merge', 'split', 'collect', 'notify', 'schedule', 'retry', 'export',
];
const TYPES_TS = ['string', 'number', 'boolean', 'Date', 'string[]', 'Record<string, number>', 'unknown'];
const CSS = ['btn-primary', 'nav-item', 'card-header', 'list-group', 'text-muted', 'form-control', 'row-cols-2'];
const WORDS = [
  'the', 'service', 'returns', 'when', 'each', 'value', 'is', 'stored', 'before', 'after', 'we', 'call', 'then',
  'retries', 'failed', 'requests', 'with', 'backoff', 'and', 'logs', 'only', 'masked', 'fields', 'so', 'that',
  'operators', 'can', 'trace', 'a', 'problem', 'without', 'seeing', 'customer', 'data', 'in', 'production',
];

const cap = (s) => s[0].toUpperCase() + s.slice(1);

/** Random identifiers in each naming style. */
function names(r) {
  const noun = () => r.pick(NOUNS);
  return {
    noun,
    camel: () => r.pick(VERBS) + cap(noun()) + (r.chance(0.3) ? cap(noun()) : ''),
    pascal: () => cap(noun()) + cap(r.pick(NOUNS)),
    snake: () => `${r.pick(VERBS)}_${noun()}${r.chance(0.3) ? '_' + noun() : ''}`,
    upper: () => `${noun().toUpperCase()}_${r.pick(['LIMIT', 'TIMEOUT', 'URL', 'MODE', 'COUNT', 'NAME'])}`,
    sentence: (n) => Array.from({ length: n }, () => r.pick(WORDS)).join(' '),
    number: () => String(r.between(0, 5000)),
    sha: () => r.hex(40),
  };
}

/** One block of TypeScript or JavaScript (`typed` adds annotations). */
function jsBlock(r, n, typed) {
  const t = () => (typed ? `: ${r.pick(TYPES_TS)}` : '');
  switch (r.int(5)) {
    case 0:
      return `/**\n * ${cap(n.sentence(12))}.\n */\nexport async function ${n.camel()}(${n.noun()}Id${typed ? ': string' : ''}, options${typed ? ': Options = {}' : ' = {}'})${typed ? ': Promise<void>' : ''} {\n  const ${n.noun()} = await client.${n.camel()}(${n.noun()}Id);\n  if (!${n.noun()}) {\n    throw new Error('${n.noun()} not found: ' + ${n.noun()}Id);\n  }\n  for (const entry of ${n.noun()}.${n.noun()}s ?? []) {\n    await ${n.camel()}(entry, { ...options, retries: ${n.number()} });\n  }\n  logger.info('${n.camel()} done', { count: ${n.noun()}.length });\n}\n\n`;
    case 1:
      return `export interface ${n.pascal()} {\n  id${t()};\n  ${n.noun()}${t()};\n  ${n.noun()}Count${typed ? ': number' : ''};\n  updatedAt${t()};\n  ${n.noun()}${t()};\n}\n\n`;
    case 2:
      return `export class ${n.pascal()}Service {\n  private readonly cache = new Map${typed ? '<string, number>' : ''}();\n\n  constructor(private readonly ${n.noun()}Repo${typed ? ': Repository' : ''}) {}\n\n  ${n.camel()}(id${typed ? ': string' : ''}) {\n    const hit = this.cache.get(id);\n    if (hit !== undefined) return hit;\n    const value = this.${n.noun()}Repo.find(id)?.${n.noun()} ?? ${n.number()};\n    this.cache.set(id, value);\n    return value;\n  }\n}\n\n`;
    case 3:
      return `const ${n.upper()} = ${n.number()};\n// ${cap(n.sentence(10))} (commit ${n.sha()}).\nexport const ${n.camel()} = (items${typed ? ': number[]' : ''}) =>\n  items.filter((x) => x > ${n.number()}).map((x) => x * ${n.number()}).reduce((a, b) => a + b, 0);\n\n`;
    default:
      return `export function ${n.camel()}Markup(${n.noun()}${typed ? ': string' : ''}) {\n  return \`<div class="${r.pick(CSS)} ${r.pick(CSS)}">\${${n.noun()}}</div>\`;\n}\n\n`;
  }
}

function pyBlock(r, n) {
  switch (r.int(3)) {
    case 0:
      return `def ${n.snake()}(${n.noun()}_id, retries=${r.between(1, 5)}):\n    """${cap(n.sentence(10))}."""\n    ${n.noun()} = repository.${n.snake()}(${n.noun()}_id)\n    if ${n.noun()} is None:\n        raise LookupError(f"${n.noun()} {${n.noun()}_id} not found")\n    total = sum(x.amount for x in ${n.noun()}.items if x.amount > ${n.number()})\n    logger.info("${n.snake()} done", extra={"total": total})\n    return total\n\n\n`;
    case 1:
      return `class ${n.pascal()}:\n    ${n.upper()} = ${n.number()}\n\n    def __init__(self, ${n.noun()}, ${n.noun()}_repo):\n        self.${n.noun()} = ${n.noun()}\n        self._repo = ${n.noun()}_repo\n\n    def ${n.snake()}(self):\n        # ${n.sentence(9)}\n        return [r for r in self._repo.all() if r.state == "${n.noun()}"]\n\n\n`;
    default:
      return `${n.upper()} = int(os.environ.get("${n.upper()}", "${n.number()}"))\n# ${n.sentence(11)} ${n.sha()}\n\n`;
  }
}

function goBlock(r, n) {
  switch (r.int(3)) {
    case 0:
      return `// ${cap(n.camel())} ${n.sentence(10)}.\nfunc ${cap(n.camel())}(ctx context.Context, id string) (*${n.pascal()}, error) {\n\trow, err := db.QueryContext(ctx, "SELECT * FROM ${n.noun()}s WHERE id = $1", id)\n\tif err != nil {\n\t\treturn nil, fmt.Errorf("${n.camel()}: %w", err)\n\t}\n\tdefer row.Close()\n\tvar out ${n.pascal()}\n\treturn &out, row.Scan(&out.ID, &out.${cap(n.noun())})\n}\n\n`;
    case 1:
      return `type ${n.pascal()} struct {\n\tID        string \`json:"id"\`\n\t${cap(n.noun())}   int64  \`json:"${n.noun()}"\`\n\tUpdatedAt time.Time \`json:"updated_at"\`\n}\n\n`;
    default:
      return `const ${n.camel()}Limit = ${n.number()} // ${n.sentence(8)}\n\n`;
  }
}

function javaBlock(r, n) {
  switch (r.int(2)) {
    case 0:
      return `    /** ${cap(n.sentence(10))}. */\n    public ${n.pascal()} ${n.camel()}(String id) throws IOException {\n        ${n.pascal()} value = repository.findById(id).orElseThrow();\n        if (value.get${cap(n.noun())}() > ${n.number()}) {\n            log.warn("${n.camel()} over limit for {}", id);\n        }\n        return value;\n    }\n\n`;
    default:
      return `    private static final int ${n.upper()} = ${n.number()};\n    private final Map<String, ${n.pascal()}> ${n.noun()}Cache = new HashMap<>();\n\n`;
  }
}

function rubyBlock(r, n) {
  switch (r.int(2)) {
    case 0:
      return `  # ${cap(n.sentence(10))}.\n  def ${n.snake()}(${n.noun()}_id)\n    ${n.noun()} = ${cap(n.noun())}.find(${n.noun()}_id)\n    return nil unless ${n.noun()}\n\n    ${n.noun()}.items.select { |i| i.amount > ${n.number()} }.sum(&:amount)\n  end\n\n`;
    default:
      return `  ${n.upper()} = ${n.number()}\n  attr_reader :${n.noun()}, :${n.noun()}_count\n\n`;
  }
}

function yamlBlock(r, n) {
  return `${n.noun()}:\n  name: ${n.snake()}\n  replicas: ${r.between(1, 9)}\n  image: registry.example.com/${n.noun()}:${n.sha().slice(0, 12)}\n  env:\n    - name: ${n.upper()}\n      value: "${n.number()}"\n    - name: NODE_ENV\n      value: ${r.pick(['development', 'test', 'staging'])}\n\n`;
}

function markdownBlock(r, n) {
  return `## ${cap(n.noun())} ${n.noun()}s\n\n${cap(n.sentence(30))}. ${cap(n.sentence(25))}.\n\n- \`${n.camel()}\`: ${n.sentence(12)}\n- \`${n.camel()}\`: ${n.sentence(9)}\n\n`;
}

function envBlock(r, n) {
  return `${n.upper()}=${n.number()}\n`;
}

/** The text a minified bundle is made of: one long line of statements. */
function bundleBlock(r, n) {
  const v = () => r.pick('abcdefghijklmnopqrstuvwxyz') + r.pick('abcdefghijklmnopqrstuvwxyz0123456789');
  switch (r.int(3)) {
    case 0:
      return `function ${v()}(${v()},${v()}){var ${v()}=${v()}.${n.noun()}||${n.number()};return ${v()}.map(function(${v()}){return ${v()}*${n.number()}})}`;
    case 1:
      return `${v()}.${n.camel()}=function(){return this.${n.noun()}.filter(Boolean).length>${n.number()}},`;
    default:
      return `var ${v()}="${n.sentence(4)}",${v()}={${n.noun()}:${n.number()},${n.noun()}:"${r.pick(CSS)}"};`;
  }
}

/** Per language: file extension, header, block generator, footer. */
const LANGUAGES = {
  ts: { ext: 'ts', head: () => `import { logger } from '../log';\nimport type { Options } from './types';\n\n`, block: (r, n) => jsBlock(r, n, true), foot: () => '' },
  js: { ext: 'js', head: () => `'use strict';\nconst { logger } = require('../log');\n\n`, block: (r, n) => jsBlock(r, n, false), foot: () => '' },
  py: { ext: 'py', head: () => `import logging\nimport os\n\nlogger = logging.getLogger(__name__)\n\n\n`, block: pyBlock, foot: () => '' },
  go: { ext: 'go', head: (r, n) => `package ${n.noun()}\n\nimport (\n\t"context"\n\t"fmt"\n\t"time"\n)\n\n`, block: goBlock, foot: () => '' },
  java: { ext: 'java', head: (r, n) => `package com.example.${n.noun()};\n\nimport java.io.IOException;\nimport java.util.*;\n\npublic class ${n.pascal()}Service {\n`, block: javaBlock, foot: () => '}\n' },
  rb: { ext: 'rb', head: (r, n) => `# frozen_string_literal: true\n\nclass ${n.pascal()}\n`, block: rubyBlock, foot: () => 'end\n' },
  yaml: { ext: 'yaml', head: () => `version: 3\n\n`, block: yamlBlock, foot: () => '' },
  md: { ext: 'md', head: (r, n) => `# ${cap(n.noun())} service\n\n`, block: markdownBlock, foot: () => '' },
  env: { ext: 'env', head: () => `# Copy to .env.local and fill in.\n`, block: envBlock, foot: () => '' },
  bundle: { ext: 'min.js', head: () => '!function(){"use strict";', block: bundleBlock, foot: () => '}();\n' },
};

module.exports = { LANGUAGES, names, NOUNS };
