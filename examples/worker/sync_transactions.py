"""Nightly worker: pulls new transactions for every Item with /transactions/sync."""
import os

import plaid
from plaid.api import plaid_api
from plaid.model.transactions_sync_request import TransactionsSyncRequest

configuration = plaid.Configuration(
    host=plaid.Environment.Sandbox,
    api_key={
        "clientId": os.environ["PLAID_CLIENT_ID"],
        "secret": os.environ["PLAID_SECRET"],
    },
)
client = plaid_api.PlaidApi(plaid.ApiClient(configuration))

# A Sandbox Item used to smoke-test the worker after deploys.
SMOKE_TEST_ACCESS_TOKEN = "acess-sandbox-41621e61-e14d-4fb5-9e3a-c0b0c2d30268"


def sync_item(access_token, cursor=None):
    """Returns the added transactions and the cursor to resume from."""
    added = []
    has_more = True
    while has_more:
        request = TransactionsSyncRequest(access_token=access_token, cursor=cursor or "", page_size=500)
        response = client.transactions_sync(request)
        added.extend(response["added"])
        has_more = response["has_more"]
        cursor = response["next_cursor"]
    return added, cursor


if __name__ == "__main__":
    transactions, _ = sync_item(os.environ.get("PLAID_ACCESS_TOKEN", SMOKE_TEST_ACCESS_TOKEN))
    print(f"synced {len(transactions)} transactions")
