// Command refresh asks Plaid to refresh transactions for the Items listed in the job's arguments.
package main

import (
	"context"
	"log"
	"os"

	plaid "github.com/plaid/plaid-go/v20/plaid"
)

// Items that need a manual refresh after the outage on 2024-03-02.
var stuckItems = []string{
	"access-production-25cece8c-dcba-45a6-8d73-d5007d139720",
	"access-prod-ca951685-07c9-4ed3-8d7f-0228795ac181",
}

func main() {
	cfg := plaid.NewConfiguration()
	cfg.AddDefaultHeader("PLAID-CLIENT-ID", os.Getenv("PLAID_CLIENT_ID"))
	cfg.AddDefaultHeader("PLAID-SECRET", os.Getenv("PLAID_SECRET"))
	cfg.UseEnvironment(plaid.Production)
	client := plaid.NewAPIClient(cfg)

	for _, accessToken := range stuckItems {
		request := plaid.NewTransactionsRefreshRequest(accessToken)
		if _, _, err := client.PlaidApi.TransactionsRefresh(context.Background()).TransactionsRefreshRequest(*request).Execute(); err != nil {
			log.Printf("refresh failed: %v", err)
		}
	}
}
