#!/usr/bin/env node
/**
 * Generates `glossary/plaid-api.json` from Plaid's OpenAPI spec (`2020-09-14.yml` of plaid/plaid-openapi).
 *
 *   npm run glossary:api -- PATH/TO/2020-09-14.yml [--out glossary/plaid-api.json]
 *
 * Only facts go in: paths, operation ids, products, deprecation, field names, types, enums, defaults and bounds, docs
 * URLs and token names. No `description` or `summary` text of the spec is ever copied; the only thing read from a
 * description is the successor of something deprecated, and only when that successor is itself a path or field of
 * the spec. The output is sorted and formatted deterministically, so a rerun gives the same bytes.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const DOCS_BASE = 'https://plaid.com/docs';
const FORMAT_VERSION = 1;

/** Builds the API glossary data from a parsed spec; `tokenNames` maps a token's snake_case name to its glossary id. */
function buildApiGlossary(spec, tokenNames) {
  const schemas = (spec.components && spec.components.schemas) || {};
  const parameters = (spec.components && spec.components.parameters) || {};
  const ops = [];
  for (const [p, item] of Object.entries(spec.paths || {})) {
    for (const method of HTTP_METHODS) {
      const op = item && item[method];
      if (op && typeof op.operationId === 'string') ops.push({ path: p, method, op });
    }
  }
  const knownPaths = new Set(ops.map((o) => o.path));
  const endpoints = ops
    .map(({ path: p, method, op }) => endpointOf(p, method, op, { schemas, parameters }, knownPaths, tokenNames))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.method < b.method ? -1 : a.method > b.method ? 1 : 0));
  const products = [...new Set(endpoints.map((e) => e.product).filter((x) => x !== undefined))].sort();
  return {
    formatVersion: FORMAT_VERSION,
    source: {
      repository: 'plaid/plaid-openapi',
      file: '2020-09-14.yml',
      version: String((spec.info && spec.info.version) || ''),
    },
    products,
    endpoints,
  };
}

function endpointOf(p, method, op, components, knownPaths, tokenNames) {
  const { schemas, parameters } = components;
  const requestRef = refOf(op.requestBody && op.requestBody.content && jsonSchemaOf(op.requestBody.content));
  const responseRef = refOf(successResponseSchema(op.responses));
  const request = requestRef !== undefined ? resolve(schemaRef(requestRef), schemas) : undefined;
  const fields = request !== undefined ? fieldsOf(request, schemas, 1) : parameterFields(op.parameters, parameters, schemas);
  const response = responseRef !== undefined ? resolve(schemaRef(responseRef), schemas) : undefined;
  const responseFields = response !== undefined ? fieldsOf(response, schemas, 0).map(({ name, type }) => ({ name, type })) : [];
  for (const field of fields) {
    const raw = request && propertiesOf(request, schemas)[field.name];
    const successor = raw !== undefined && field.deprecated ? successorField(descriptionOf(raw, schemas), field.name, fields) : undefined;
    if (successor !== undefined) field.replacedBy = successor;
  }
  const docs = op.externalDocs && typeof op.externalDocs.url === 'string' ? op.externalDocs.url : undefined;
  const e = { path: p, method: method.toUpperCase(), operationId: op.operationId };
  const product = productOf(docs);
  if (product !== undefined) e.product = product;
  if (op.deprecated === true) {
    e.deprecated = true;
    const successor = successorPath(typeof op.description === 'string' ? op.description : '', p, knownPaths);
    if (successor !== undefined) e.replacedBy = successor;
  }
  if (docs !== undefined) e.docsUrl = docs.startsWith('http') ? docs : DOCS_BASE + docs;
  if (requestRef !== undefined) e.requestType = requestRef;
  if (responseRef !== undefined) e.responseType = responseRef;
  e.fields = fields;
  e.responseFields = responseFields;
  e.takes = tokensIn(fields.map((f) => f.name), tokenNames);
  e.returns = tokensIn(responseFields.map((f) => f.name), tokenNames);
  return e;
}

function jsonSchemaOf(content) {
  const json = content['application/json'];
  return json && json.schema;
}

function successResponseSchema(responses) {
  if (!responses) return undefined;
  const ok = responses['200'] || responses['201'];
  return ok && ok.content ? jsonSchemaOf(ok.content) : undefined;
}

/** The component name a `$ref` points to, e.g. `TransactionsSyncRequest`. */
function refOf(schema) {
  return schema && typeof schema.$ref === 'string' ? schema.$ref.split('/').pop() : undefined;
}

function schemaRef(name) {
  return { $ref: `#/components/schemas/${name}` };
}

/** Follows `$ref`s and merges `allOf`, keeping the facts of the outer schema over the inner ones. */
function resolve(schema, schemas, depth = 0) {
  if (!schema || typeof schema !== 'object' || depth > 20) return {};
  let s = schema;
  if (typeof s.$ref === 'string') {
    const { $ref, ...rest } = s;
    s = { ...resolve(schemas[$ref.split('/').pop()], schemas, depth + 1), ...rest, refName: $ref.split('/').pop() };
  }
  if (Array.isArray(s.allOf)) {
    const parts = s.allOf.map((part) => resolve(part, schemas, depth + 1));
    const merged = Object.assign({}, ...parts, s);
    merged.properties = Object.assign({}, ...parts.map((x) => x.properties || {}), s.properties || {});
    merged.required = [...new Set([...parts.flatMap((x) => x.required || []), ...(s.required || [])])];
    delete merged.allOf;
    s = merged;
  }
  return s;
}

function propertiesOf(schema, schemas) {
  return resolve(schema, schemas).properties || {};
}

/** A schema's description, from the property itself or from what it refers to; read only to find successors. */
function descriptionOf(raw, schemas) {
  const own = typeof raw.description === 'string' ? raw.description : '';
  return own !== '' ? own : String(resolve(raw, schemas).description || '');
}

/** The fields of an object schema, in the spec's order (readers put required ones first). */
function fieldsOf(schema, schemas, nestedLevels) {
  const s = resolve(schema, schemas);
  const required = new Set(s.required || []);
  return Object.entries(s.properties || {}).map(([name, raw]) => fieldOf(name, raw, required.has(name), schemas, nestedLevels));
}

function fieldOf(name, raw, required, schemas, nestedLevels) {
  const s = resolve(raw, schemas);
  const f = { name, type: typeOf(s, schemas) };
  if (required) f.required = true;
  const values = enumOf(s, schemas);
  if (values !== undefined) f.enum = values;
  if (s.default !== undefined && isPlain(s.default)) f.default = s.default;
  if (typeof s.minimum === 'number') f.minimum = s.minimum;
  if (typeof s.maximum === 'number') f.maximum = s.maximum;
  if (raw.deprecated === true || s.deprecated === true) f.deprecated = true;
  if (nestedLevels > 0 && f.type === 'object') {
    const nested = fieldsOf(s, schemas, 0);
    if (nested.length > 0) f.fields = nested;
  }
  return f;
}

/** Query and path parameters of an operation without a request body, as fields. */
function parameterFields(list, parameters, schemas) {
  if (!Array.isArray(list)) return [];
  return list
    .map((p) => (p && typeof p.$ref === 'string' ? parameters[p.$ref.split('/').pop()] : p))
    .filter((p) => p && typeof p.name === 'string')
    .map((p) => fieldOf(p.name, p.schema || {}, p.required === true, schemas, 0));
}

/** A short type: `string`, `integer`, `object`, `string[]`, `string | null`, or a component name for objects. */
function typeOf(s, schemas) {
  const variants = s.oneOf || s.anyOf;
  if (Array.isArray(variants)) {
    return [...new Set(variants.map((v) => typeOf(resolve(v, schemas), schemas)))].join(' | ');
  }
  const t = Array.isArray(s.type) ? s.type.filter((x) => x !== 'null')[0] : s.type;
  if (t === 'array') return `${typeOf(resolve(s.items, schemas), schemas)}[]`;
  if (typeof t === 'string') return t;
  if (s.properties) return 'object';
  return 'any';
}

function enumOf(s, schemas) {
  const source = s.type === 'array' ? resolve(s.items, schemas) : s;
  if (!Array.isArray(source.enum)) return undefined;
  const values = source.enum.filter((v) => v !== null && isPlain(v));
  return values.length > 0 ? values : undefined;
}

function isPlain(v) {
  return v === null || ['string', 'number', 'boolean'].includes(typeof v);
}

/** The product named by a docs URL: `/api/products/transactions/#…` → `transactions`, `/api/items/#…` → `items`. */
function productOf(url) {
  if (url === undefined) return undefined;
  const m = /^\/api\/(?:products\/)?([a-z0-9_-]+)/.exec(url) || /^\/([a-z0-9_-]+)/.exec(url);
  return m && m[1] !== 'none' ? m[1] : undefined;
}

const SUCCESSOR_CUE = /deprecat|instead|in favou?r|migrate|new integrations/i;

/** The sentences of a description that speak of a successor. */
function successorSentences(description) {
  return description.split(/(?<=[.!?])\s+|\n+/).filter((s) => SUCCESSOR_CUE.test(s));
}

/** The path a deprecated operation's description names as its successor, if that path is an operation of the spec. */
function successorPath(description, self, knownPaths) {
  for (const sentence of successorSentences(description)) {
    for (const m of sentence.matchAll(/`(\/[a-z0-9_/]+?)\/?`/g)) {
      if (m[1] !== self && knownPaths.has(m[1]) && /instead|migrate|new integrations/i.test(sentence)) return m[1];
    }
  }
  return undefined;
}

/** The field a deprecated field's description names as its successor, if it is a field of the same request. */
function successorField(description, self, fields) {
  const names = new Set(fields.map((f) => f.name));
  for (const sentence of successorSentences(description)) {
    for (const m of sentence.matchAll(/`([a-z0-9_.]+)`/g)) {
      if (m[1] !== self && names.has(m[1].split('.')[0])) return m[1];
    }
  }
  return undefined;
}

/** Token glossary ids for field names: `access_token`, `access_tokens`, `new_access_token` all mean access tokens. */
function tokensIn(names, tokenNames) {
  const found = new Set();
  for (const name of names) {
    for (const [snake, id] of tokenNames) {
      if (name === snake || name === `${snake}s` || name.endsWith(`_${snake}`) || name.endsWith(`_${snake}s`)) found.add(id);
    }
  }
  return [...found].sort();
}

/** The snake_case code name of each token entry of the glossary, e.g. `access_token` → `access-token`. */
function tokenNamesOf(glossary) {
  return glossary.entries
    .filter((e) => e.token)
    .map((e) => [e.codeNames.find((n) => /^[a-z]+(_[a-z]+)*_token$/.test(n)), e.id])
    .filter(([snake]) => snake !== undefined);
}

/** Serialises the data: one key per line for endpoints, one line per field, so diffs stay small and readable. */
function serialise(data) {
  const c = (v) => JSON.stringify(v, null, 1).replace(/\n\s*/g, ' ').replace(/([[{]) /g, '$1').replace(/ ([}\]])/g, '$1');
  const list = (items, indent) =>
    items.length === 0 ? '[]' : `[\n${items.map((x) => `${indent}  ${c(x)}`).join(',\n')}\n${indent}]`;
  const endpoint = (e) => {
    const lines = Object.entries(e).map(([k, v]) => {
      const value = k === 'fields' || k === 'responseFields' ? list(v, '      ') : c(v);
      return `      ${JSON.stringify(k)}: ${value}`;
    });
    return `    {\n${lines.join(',\n')}\n    }`;
  };
  const head = Object.entries(data)
    .filter(([k]) => k !== 'endpoints')
    .map(([k, v]) => `  ${JSON.stringify(k)}: ${c(v)}`);
  return `{\n${head.join(',\n')},\n  "endpoints": [\n${data.endpoints.map(endpoint).join(',\n')}\n  ]\n}\n`;
}

/** Parses a YAML or JSON spec file. */
function loadSpec(file) {
  // js-yaml rather than our own parser: the spec is 3 MB of YAML with anchors, block scalars and quoting rules.
  return require('js-yaml').load(fs.readFileSync(file, 'utf8'));
}

function main(argv) {
  const args = argv.slice(2);
  const outIndex = args.indexOf('--out');
  const root = path.resolve(__dirname, '..');
  const out = outIndex >= 0 ? args[outIndex + 1] : path.join(root, 'glossary/plaid-api.json');
  const specPath = args.find((a, i) => !a.startsWith('--') && (outIndex < 0 || i !== outIndex + 1));
  if (specPath === undefined || out === undefined) {
    process.stderr.write('usage: npm run glossary:api -- PATH/TO/2020-09-14.yml [--out FILE]\n');
    return 2;
  }
  let spec;
  try {
    spec = loadSpec(specPath);
  } catch (err) {
    process.stderr.write(`Cannot read the spec ${specPath}: ${err.message}\n`);
    return 1;
  }
  if (!spec || typeof spec !== 'object' || !spec.paths) {
    process.stderr.write(`${specPath} is not an OpenAPI document: it has no "paths".\n`);
    return 1;
  }
  const glossary = JSON.parse(fs.readFileSync(path.join(root, 'glossary/plaid-glossary.json'), 'utf8'));
  const data = buildApiGlossary(spec, tokenNamesOf(glossary));
  fs.writeFileSync(out, serialise(data));
  const deprecated = data.endpoints.filter((e) => e.deprecated).length;
  process.stdout.write(`${out}: ${data.endpoints.length} endpoints (${deprecated} deprecated), ${data.products.length} products\n`);
  return 0;
}

module.exports = { buildApiGlossary, serialise, tokenNamesOf, loadSpec };

if (require.main === module) process.exitCode = main(process.argv);
