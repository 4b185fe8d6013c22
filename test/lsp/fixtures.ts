/**
 * The fake credentials planted in the fixtures, and the fixtures with the diagnostics each must produce.
 * The values have the right shapes and are not real.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { FIXTURES, fileUri } from './harness';

/** A 30-hex-digit Plaid secret. */
export const SECRET = 'a41f0c9e7b2d58f36e1c0a9b4d7e25';
/** A 24-hex-digit client_id. */
export const CLIENT_ID = '5f2b9c41e0a7d3b86c1e4f09';
/** Tokens planted in fixtures and tests. */
export const ACCESS_SANDBOX = 'access-sandbox-8d3f6a2c-41b7-4e95-a0c8-6f1d2b9e7a34';
export const ACCESS_PRODUCTION = 'access-production-2b7e9c41-5d3a-4f86-9e0b-c17a4d2f8e63';
export const PUBLIC_SANDBOX = 'public-sandbox-6e1f3b9d-8c2a-4d57-b3e0-9a4c7f1d2b58';
export const MALFORMED = 'access-prod-3c9a1e7f-2b4d-4a68-8f1c-0e5d9b3a7c26';

/** Every value that must never appear whole in anything the server sends. */
export const SENSITIVE = [SECRET, CLIENT_ID, ACCESS_SANDBOX, ACCESS_PRODUCTION, PUBLIC_SANDBOX, MALFORMED];

/** A diagnostic a fixture must produce: the rule, the text it covers and how it is reported. */
export interface ExpectedDiagnostic {
  code: string;
  needle: string;
  occurrence?: number;
  severity: DiagnosticSeverity;
  deprecated?: boolean;
}

/** A fixture file and every diagnostic it must produce, no more. */
export interface FixtureCase {
  file: string;
  languageId: string;
  expected: ExpectedDiagnostic[];
}

const { Error, Warning } = DiagnosticSeverity;
const DEV = 'development-environment';

/** One fixture per language the engine knows. */
export const FIXTURE_CASES: FixtureCase[] = [
  {
    file: 'plaid-client.js',
    languageId: 'javascript',
    expected: [
      { code: DEV, needle: 'PlaidEnvironments.development', severity: Error, deprecated: true },
      { code: 'hardcoded-client-id', needle: CLIENT_ID, severity: Warning },
      { code: 'hardcoded-secret', needle: SECRET, severity: Error },
    ],
  },
  {
    file: 'settings.py',
    languageId: 'python',
    expected: [
      { code: 'hardcoded-secret', needle: SECRET, severity: Error },
      { code: DEV, needle: 'plaid.Environment.Development', severity: Error, deprecated: true },
      { code: 'malformed-token', needle: 'prod', severity: Warning },
    ],
  },
  {
    file: 'main.go',
    languageId: 'go',
    expected: [
      { code: 'hardcoded-secret', needle: SECRET, severity: Error },
      { code: DEV, needle: 'plaid.Development', severity: Error, deprecated: true },
    ],
  },
  {
    file: 'PlaidConfig.java',
    languageId: 'java',
    expected: [
      { code: DEV, needle: 'ApiClient.Development', severity: Error, deprecated: true },
      { code: 'hardcoded-token', needle: ACCESS_PRODUCTION, severity: Error },
      { code: 'environment-mismatch', needle: 'production', severity: Warning },
    ],
  },
  {
    file: 'plaid.rb',
    languageId: 'ruby',
    expected: [
      { code: DEV, needle: 'Plaid::Configuration::Environment["development"]', severity: Error, deprecated: true },
      { code: 'hardcoded-secret', needle: SECRET, severity: Error },
      { code: 'expiring-token', needle: PUBLIC_SANDBOX, severity: Warning },
      { code: 'environment-mismatch', needle: 'sandbox', severity: Warning },
    ],
  },
  {
    file: '.env.staging',
    languageId: 'dotenv',
    expected: [{ code: DEV, needle: 'development', severity: Error, deprecated: true }],
  },
  {
    file: 'deploy.yaml',
    languageId: 'yaml',
    expected: [
      { code: DEV, needle: 'development', severity: Error, deprecated: true },
      { code: DEV, needle: 'https://development.plaid.com', severity: Error, deprecated: true },
      { code: 'hardcoded-secret', needle: SECRET, severity: Error },
    ],
  },
  {
    file: 'notes.md',
    languageId: 'markdown',
    expected: [{ code: DEV, needle: 'https://development.plaid.com', severity: Warning, deprecated: true }],
  },
  { file: 'clean.js', languageId: 'javascript', expected: [] },
];

/** A fixture's text. */
export function fixtureText(file: string): string {
  return fs.readFileSync(path.join(FIXTURES, file), 'utf8');
}

/** A fixture's URI. */
export function fixtureUri(file: string): string {
  return fileUri(path.join(FIXTURES, file));
}
