import * as assert from 'assert';
import { scan } from '../../../server/src/engine';
import { CLIENT_ID, flaggedText, SECRET, UUID } from './helpers';

/** Text that looks Plaid-ish but holds nothing any rule should report. */
const rows: [name: string, file: string, text: string][] = [
  ['an environment read in TypeScript', 'plaid.ts', 'const secret = process.env.PLAID_SECRET!;\nconst basePath = PlaidEnvironments[process.env.PLAID_ENV!];'],
  ['an environment read in Python', 'plaid_client.py', "client_id = os.environ['PLAID_CLIENT_ID']\nsecret = os.getenv('PLAID_SECRET')"],
  ['an environment read in Go', 'plaid.go', 'secret := os.Getenv("PLAID_SECRET") // plaid'],
  ['an environment read in Java', 'Plaid.java', 'String secret = System.getenv("PLAID_SECRET"); // plaid'],
  ['an environment read in Ruby', 'plaid.rb', "secret = ENV.fetch('PLAID_SECRET') # plaid"],
  ['an environment reference in YAML', 'compose.yml', 'environment:\n  PLAID_SECRET: ${PLAID_SECRET}\n  PLAID_ENV: ${PLAID_ENV}'],
  ['a dotenv example with empty values', '.env.example', 'PLAID_CLIENT_ID=\nPLAID_SECRET=\nPLAID_ENV=sandbox'],
  ['a shell expansion', 'run.sh', 'curl -d "{\\"secret\\": \\"$PLAID_SECRET\\"}" https://sandbox.plaid.com/item/get'],
  ['template interpolations', 'a.ts', 'const a = `access-sandbox-${id}`;\nconst b = `public-production-${uuid}`;'],
  ['placeholders and globs in prose', 'README.md', 'Tokens look like `access-sandbox-<uuid>`, `link-production-<id>` or access-sandbox-*; see public-sandbox-xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx.'],
  ['an HTTP header', 'cors.js', "res.set('access-control-allow-origin', '*');\nres.set('access-control-allow-headers', 'plaid-client-id');"],
  ['CSS classes', 'banner.css', '.link-production-banner, .access-sandbox-panel, .public-sandbox-card { color: red }'],
  ['npm package names', 'package.json', '{ "dependencies": { "link-development-kit": "1.0.0", "react-plaid-link": "^3.0.0" } }'],
  ['kebab-case slugs', 'routes.rb', "get '/docs/public-sandbox-guide'\nget '/blog/access-production-checklist'"],
  ['the active base URLs', 'hosts.py', 'SANDBOX = "https://sandbox.plaid.com"\nPRODUCTION = "https://production.plaid.com"'],
  ['hex hashes with no Plaid context', 'hashes.go', `secret := "${SECRET}"\nclientID := "${CLIENT_ID}"`],
  ['a git SHA in a Plaid file', 'plaid.ts', "const commit = 'a94a8fe5ccb19ba61c4c0873d391e987982fbbd3'; // plaid"],
  ['a Mongo ObjectId without a client-id key', 'plaid_seed.json', `{ "_id": "${CLIENT_ID}", "institution": "plaid" }`],
  ['a UUID alone', 'item.java', `String itemId = "${UUID}"; // plaid`],
  ['an md5 and a sha1 under other keys', 'plaid.yaml', 'plaid:\n  checksum: 9e107d9d372bb6826bd81d3542a419d6\n  etag: 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12'],
  ['a UUID-tailed identifier that is not a token', 'plaid.ts', `const requestId = 'request-${UUID}';`],
  ['a Haskell signature near the word Plaid', 'Plaid.hs', 'fetch :: PlaidFunction -> Secret -> IO ()'],
  ['a NODE_ENV of development', 'webpack.config.js', "mode: process.env.NODE_ENV || 'development'"],
  ['a development host that is not Plaid', 'api.ts', "const api = 'https://development.example.com';"],
];

suite('look-alikes: no rule reports anything', () => {
  for (const [name, file, text] of rows) {
    test(name, () => {
      const found = scan(text, { fileName: file }).map((f) => `${f.rule}@${flaggedText(text, f)}`);
      assert.deepStrictEqual(found, []);
    });
  }
});
