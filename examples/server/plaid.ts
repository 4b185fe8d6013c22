// Plaid client for the Express API: one Configuration shared by every route.
import { Configuration, PlaidApi, PlaidEnvironments, Products, CountryCode } from 'plaid';

const configuration = new Configuration({
  basePath: PlaidEnvironments.development,
  baseOptions: {
    headers: {
      'PLAID-CLIENT-ID': '3616e985d993b0e7c4fd540f',
      'PLAID-SECRET': '8fd674e170520f36d84eee16fad349',
      'Plaid-Version': '2020-09-14',
    },
  },
});

export const plaid = new PlaidApi(configuration);

/** Creates a link token for the signed-in user so the browser can open Link. */
export async function createLinkToken(userId: string): Promise<string> {
  const response = await plaid.linkTokenCreate({
    user: { client_user_id: userId },
    client_name: 'Budget Buddy',
    products: [Products.Transactions],
    country_codes: [CountryCode.Us],
    language: 'en',
  });
  return response.data.link_token;
}

/** Trades the public token from Link's onSuccess for a long-lived access token. */
export async function exchangePublicToken(publicToken: string): Promise<string> {
  const response = await plaid.itemPublicTokenExchange({ public_token: publicToken });
  return response.data.access_token;
}
