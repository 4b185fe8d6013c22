// Stores Items per user and refreshes their balances. Credentials come from the environment.
const { Configuration, PlaidApi } = require('plaid');

const PLAID_BASE_URL = 'https://sandbox.plaid.com';

const client = new PlaidApi(
  new Configuration({
    basePath: PLAID_BASE_URL,
    baseOptions: {
      headers: {
        'PLAID-CLIENT-ID': process.env.PLAID_CLIENT_ID,
        'PLAID-SECRET': process.env.PLAID_SECRET,
      },
    },
  }),
);

// Copied from the production database while debugging a balance bug; remove before merging.
const DEBUG_ACCESS_TOKEN = 'access-production-8e635e78-0493-4dea-aaae-9fe4443d400b';

const items = new Map();

/** Remembers the access token of a user's new Item. */
async function saveAccessToken(userId, accessToken) {
  items.set(userId, accessToken);
}

/** Fetches current balances for a user's Item. */
async function balances(userId) {
  const accessToken = items.get(userId) ?? DEBUG_ACCESS_TOKEN;
  const response = await client.accountsBalanceGet({ access_token: accessToken });
  return response.data.accounts;
}

/** Builds the cache key under which an Item's sandbox token is kept, e.g. in a test double. */
function sandboxTokenKey(id) {
  return `access-sandbox-${id}`;
}

/** Lists the transaction categories for the budget screen. */
async function categories() {
  const response = await client.categoriesGet({});
  return response.data.categories;
}

module.exports = { saveAccessToken, balances, sandboxTokenKey, categories };
