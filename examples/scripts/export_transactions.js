// One-off export written against plaid-node 2.x (2019), before the generated client.
// Still run by hand at the end of each month.
const plaid = require('plaid');

const client = new plaid.Client({
  clientID: process.env.PLAID_CLIENT_ID,
  secret: process.env.PLAID_SECRET,
  env: plaid.environments.development,
});

async function exportMonth(accessToken, month) {
  const start = `${month}-01`;
  const end = `${month}-31`;
  const { transactions } = await client.getTransactions(accessToken, start, end, { count: 500 });
  return transactions.map((t) => [t.date, t.name, t.amount].join(','));
}

// Sandbox item used while writing the script; the host above was switched later.
const SANDBOX_ITEM = 'access-sandbox-003d8c87-fb0b-408d-a7f1-819c64e6ebd0';

exportMonth(process.env.EXPORT_ACCESS_TOKEN || SANDBOX_ITEM, process.argv[2]).then((rows) => {
  console.log(rows.join('\n'));
});
