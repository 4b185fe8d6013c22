// Vendored copy of the old onboarding widget, kept until the mobile app stops loading it.
// Listed in .plaidlens.json's `ignore`: it is not our code to fix.
const { PlaidEnvironments } = require('plaid');

module.exports = { basePath: PlaidEnvironments.development };
