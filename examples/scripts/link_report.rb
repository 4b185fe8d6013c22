# Prints the institutions linked by each user, for the support team.
require "plaid"

configuration = Plaid::Configuration.new
configuration.server_index = Plaid::Configuration::Environment["development"]
configuration.api_key["PLAID-CLIENT-ID"] = ENV.fetch("PLAID_CLIENT_ID")
configuration.api_key["PLAID-SECRET"] = ENV.fetch("PLAID_SECRET")

client = Plaid::PlaidApi.new(Plaid::ApiClient.new(configuration))

ARGF.each_line do |access_token|
  item = client.item_get(Plaid::ItemGetRequest.new(access_token: access_token.strip)).item
  puts "#{item.item_id}\t#{item.institution_id}"
end
