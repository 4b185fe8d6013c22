'use strict';
/**
 * Fixture lines for the grammar tests: where a Plaid token sits in each host language, and look-alikes that must stay
 * unmarked. `$TOKEN` stands for a token built at run time from `type`, `env` and {@link UUID}, so no whole token is
 * written in the repository. `context` lists the host scopes around the token, outermost first, without the root.
 */

/** A well-formed RFC 4122 version 4 UUID, the tail of every fixture token. */
const UUID = ['3f2a9c1e', '7b4d', '4e8a', '9c2b', '1d5e6f7a8b9c'].join('-');

/** Builds a fixture token. */
function token(type, env, tail = UUID) {
  return `${type}-${env}-${tail}`;
}

/** Lines in which the token must be marked. */
const POSITIVE = [
  // JavaScript and TypeScript
  { name: 'JavaScript single-quoted string', scope: 'source.js', text: "const t = '$TOKEN';", type: 'access', env: 'sandbox', context: ['string.quoted.single.js'] },
  { name: 'JavaScript double-quoted string', scope: 'source.js', text: 'client.itemGet({ access_token: "$TOKEN" });', type: 'access', env: 'production', context: ['string.quoted.double.js'] },
  { name: 'JavaScript template literal', scope: 'source.js', text: 'const t = `$TOKEN`;', type: 'link', env: 'sandbox', context: ['string.template.js'] },
  { name: 'JavaScript line comment', scope: 'source.js', text: 'foo(); // $TOKEN', type: 'public', env: 'development', context: ['comment.line.double-slash.js'] },
  { name: 'JavaScript block comment', scope: 'source.js', text: '/* was $TOKEN */', type: 'processor', env: 'sandbox', context: ['comment.block.js'] },
  { name: 'TypeScript string', scope: 'source.ts', text: "const t: string = '$TOKEN';", type: 'user', env: 'production', context: ['string.quoted.single.ts'] },
  { name: 'TypeScript doc comment', scope: 'source.ts', text: '/** e.g. $TOKEN */', type: 'assets', env: 'sandbox', context: ['comment.block.documentation.ts'] },
  { name: 'TSX string attribute', scope: 'source.tsx', text: 'const t = "$TOKEN";', type: 'link', env: 'production', context: ['string.quoted.double.tsx'] },
  // Python
  { name: 'Python single-quoted string', scope: 'source.python', text: "access_token = '$TOKEN'", type: 'access', env: 'development', context: ['string.quoted.single.python'] },
  { name: 'Python double-quoted string', scope: 'source.python', text: 'token = "$TOKEN"', type: 'third-party-user', env: 'sandbox', context: ['string.quoted.single.python'] },
  { name: 'Python comment', scope: 'source.python', text: 'x = 1  # $TOKEN', type: 'payment-token', env: 'sandbox', context: ['comment.line.number-sign.python'] },
  { name: 'Python docstring', scope: 'source.python', text: 'def f():\n    """Uses $TOKEN."""', type: 'asset-report', env: 'production', context: ['string.quoted.docstring.multi.python'] },
  // Go
  { name: 'Go string', scope: 'source.go', text: 'token := "$TOKEN"', type: 'access', env: 'sandbox', context: ['string.quoted.double.go'] },
  { name: 'Go raw string', scope: 'source.go', text: 'token := `$TOKEN`', type: 'payment-profile', env: 'production', context: ['string.quoted.raw.go'] },
  { name: 'Go comment', scope: 'source.go', text: '// $TOKEN', type: 'processor', env: 'development', context: ['comment.line.double-slash.go'] },
  // Java
  { name: 'Java string', scope: 'source.java', text: 'String token = "$TOKEN";', type: 'public', env: 'sandbox', context: ['string.quoted.double.java'] },
  { name: 'Java comment', scope: 'source.java', text: '// $TOKEN', type: 'user', env: 'sandbox', context: ['comment.line.double-slash.java'] },
  // Ruby
  { name: 'Ruby single-quoted string', scope: 'source.ruby', text: "token = '$TOKEN'", type: 'access', env: 'production', context: ['string.quoted.single.ruby'] },
  { name: 'Ruby interpolated string', scope: 'source.ruby', text: 'token = "$TOKEN"', type: 'link', env: 'development', context: ['string.quoted.double.interpolated.ruby'] },
  { name: 'Ruby comment', scope: 'source.ruby', text: '# $TOKEN', type: 'asset-report', env: 'sandbox', context: ['comment.line.number-sign.ruby'] },
  // YAML
  { name: 'YAML plain scalar', scope: 'source.yaml', text: 'access_token: $TOKEN', type: 'access', env: 'sandbox', context: ['string.unquoted.plain.out.yaml'] },
  { name: 'YAML quoted scalar', scope: 'source.yaml', text: "token: '$TOKEN'", type: 'public', env: 'development', context: ['string.quoted.single.yaml'] },
  { name: 'YAML comment', scope: 'source.yaml', text: '# $TOKEN', type: 'user', env: 'production', context: ['comment.line.number-sign.yaml'] },
  { name: 'YAML block scalar', scope: 'source.yaml', text: 'tokens: |\n  $TOKEN', type: 'processor', env: 'sandbox', context: ['string.unquoted.block.yaml'] },
  // JSON
  { name: 'JSON string value', scope: 'source.json', text: '{ "access_token": "$TOKEN" }', type: 'access', env: 'sandbox', context: ['string.quoted.double.json'] },
  { name: 'JSON with comments: comment', scope: 'source.json.comments', text: '// $TOKEN\n{ "a": "b" }', type: 'link', env: 'sandbox', context: ['comment.line.double-slash.js'] },
  // .env (VS Code's "properties" language, the ini grammar)
  { name: '.env unquoted value', scope: 'source.ini', text: 'PLAID_ACCESS_TOKEN=$TOKEN', type: 'access', env: 'development', context: [] },
  { name: '.env quoted value', scope: 'source.ini', text: 'PLAID_PUBLIC_TOKEN="$TOKEN"', type: 'public', env: 'sandbox', context: ['string.quoted.double.ini'] },
  { name: '.env comment', scope: 'source.ini', text: '# PLAID_ACCESS_TOKEN=$TOKEN', type: 'access', env: 'production', context: ['comment.line.number-sign.ini'] },
  // Shell (also .env.local and friends)
  { name: 'shell export', scope: 'source.shell', text: 'export PLAID_ACCESS_TOKEN=$TOKEN', type: 'access', env: 'sandbox', context: [] },
  { name: 'shell double-quoted string', scope: 'source.shell', text: 'curl -d "$TOKEN" localhost', type: 'link', env: 'production', context: ['string.quoted.double.shell'] },
  { name: 'shell single-quoted string', scope: 'source.shell', text: "T='$TOKEN'", type: 'assets', env: 'development', context: ['string.quoted.single.shell'] },
  { name: 'shell comment line', scope: 'source.shell', text: '# PLAID_ACCESS_TOKEN=$TOKEN', type: 'access', env: 'development', context: ['comment.line.number-sign.shell'] },
  { name: 'shell trailing comment', scope: 'source.shell', text: 'run --verbose # $TOKEN\necho done', type: 'user', env: 'sandbox', context: ['comment.line.number-sign.shell'] },
  // Markdown
  { name: 'Markdown paragraph', scope: 'text.html.markdown', text: 'Use $TOKEN here.', type: 'access', env: 'sandbox', context: ['meta.paragraph.markdown'] },
  { name: 'Markdown line that starts with a token', scope: 'text.html.markdown', text: '$TOKEN is the token.', type: 'user', env: 'sandbox', context: ['meta.paragraph.markdown'] },
  { name: 'Markdown backtick that is never closed', scope: 'text.html.markdown', text: '`draft $TOKEN', type: 'link', env: 'sandbox', context: ['meta.paragraph.markdown'] },
  { name: 'Markdown code span', scope: 'text.html.markdown', text: 'Set `$TOKEN` first.\nThen `npm start`.\n\n# Next', type: 'public', env: 'development', context: ['meta.paragraph.markdown', 'markup.inline.raw.string.markdown'] },
  { name: 'Markdown heading', scope: 'text.html.markdown', text: '## About $TOKEN', type: 'link', env: 'production', context: ['markup.heading.markdown', 'entity.name.section.markdown'] },
  { name: 'Markdown fenced JavaScript', scope: 'text.html.markdown', text: '```js\nconst t = "$TOKEN";\n```', type: 'access', env: 'production', context: ['markup.fenced_code.block.markdown', 'meta.embedded.block.javascript', 'string.quoted.double.js'] },
  { name: 'Markdown fenced shell comment', scope: 'text.html.markdown', text: '```bash\n# $TOKEN\n```', type: 'processor', env: 'sandbox', context: ['markup.fenced_code.block.markdown', 'meta.embedded.block.shellscript', 'comment.line.number-sign.shell'] },
];

/** Lines in which nothing may carry a Plaid scope. */
const NEGATIVE = [
  { name: 'JavaScript CORS header', scope: 'source.js', text: "res.setHeader('access-control-allow-origin', '*');" },
  { name: 'JavaScript CSS class', scope: 'source.js', text: "el.className = 'link-production-banner';" },
  { name: 'JavaScript token outside any string or comment', scope: 'source.js', text: `x = ${token('access', 'sandbox')};` },
  { name: 'TypeScript tail that is not a UUID', scope: 'source.ts', text: `const t = '${token('access', 'sandbox', 'not-a-uuid')}';` },
  { name: 'Python uppercase UUID', scope: 'source.python', text: `t = '${token('access', 'sandbox', UUID.toUpperCase())}'` },
  { name: 'Python abbreviated environment', scope: 'source.python', text: `t = '${token('access', 'prod')}'` },
  { name: 'Go type glued to a word', scope: 'source.go', text: `t := "my${token('access', 'sandbox')}"` },
  { name: 'Go hyphenated prefix', scope: 'source.go', text: `t := "my-${token('access', 'sandbox')}"` },
  { name: 'Java text after the UUID', scope: 'source.java', text: `String t = "${token('public', 'sandbox')}-extra";` },
  { name: 'Java short last group', scope: 'source.java', text: `String t = "${token('public', 'sandbox', UUID.slice(0, -1))}";` },
  { name: 'Ruby unknown type', scope: 'source.ruby', text: `t = '${token('secret', 'sandbox')}'` },
  { name: 'Ruby identifier with an environment', scope: 'source.ruby', text: `id = '${token('payment-id', 'sandbox', 'x1y2z3')}'` },
  { name: 'YAML CORS header', scope: 'source.yaml', text: 'header: access-control-allow-origin' },
  { name: 'YAML audit copy token', scope: 'source.yaml', text: `copy: ${token('a', 'sandbox', 'q1w2e3r4t5')}` },
  { name: 'JSON relay token', scope: 'source.json', text: `{ "t": "${token('credit-relay', 'production', 'abcdefghij234567')}" }` },
  { name: 'JSON look-alike key', scope: 'source.json', text: '{ "link-production-banner": true }' },
  { name: 'JSON with comments: comment with a look-alike', scope: 'source.json.comments', text: '// see access-control-allow-origin' },
  { name: '.env missing environment', scope: 'source.ini', text: `PLAID_ACCESS_TOKEN=access-${UUID}` },
  { name: 'shell comment without a token', scope: 'source.shell', text: 'echo hi # access-control-allow-origin' },
  { name: 'shell shebang', scope: 'source.shell', text: '#!/usr/bin/env bash' },
  { name: 'Markdown CSS class', scope: 'text.html.markdown', text: 'The `link-production-banner` class.' },
  { name: 'Markdown code span with a broken tail', scope: 'text.html.markdown', text: `See \`${token('user', 'sandbox', 'abc')}\`.` },
];

module.exports = { UUID, token, POSITIVE, NEGATIVE };
