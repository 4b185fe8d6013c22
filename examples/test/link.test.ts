// Link flow tests against the Sandbox; the tokens below are Sandbox fixtures.
import assert from 'node:assert/strict';
import { exchangePublicToken } from '../server/plaid';

const SANDBOX_BASE_URL = 'https://sandbox.plaid.com';
const FIXTURE_ACCESS_TOKEN = 'access-sandbox-52116142-e3d9-45f9-90b2-67d0cf2853d3';

describe('exchangePublicToken', () => {
  it('returns an access token for a public token', async () => {
    const publicToken = 'public-sandbox-adb19043-1d85-474e-a7d1-04e18ffe68e4';
    const accessToken = await exchangePublicToken(publicToken);
    assert.match(accessToken, /^access-sandbox-/);
  });

  it('builds sandbox ids per test', () => {
    const id = 'a2409a04-5d42-4154-b0d0-d180903d6639';
    assert.equal(`access-sandbox-${id}`.length, FIXTURE_ACCESS_TOKEN.length);
    assert.ok(SANDBOX_BASE_URL.startsWith('https://'));
  });
});
