/**
 * Plaid Lens engine: text in, findings with offsets out. No editor, protocol or file-system dependencies;
 * every Plaid fact comes from the glossary data.
 */
export * from './types';
export { scan, DEFAULT_SEVERITIES, RULES, type RuleInfo } from './scan';
export { scanSnapshot, rescan, applyChange, MAX_STEPS as MAX_INCREMENTAL_STEPS, type ScanSnapshot, type TextChange, type TextSource } from './incremental';
export { decodeToken } from './decode';
export { maskSecret, maskToken } from './mask';
export { languageOf, fileKindOf } from './language';
export {
  entries,
  getEntry,
  findEntry,
  tokenEntries,
  environmentEntries,
  credentialEntries,
  knownPrefixes,
  activeEnvironments,
  CATEGORY_TITLES,
  type GlossaryEntry,
  type GlossaryCategory,
  type TokenFacts,
  type EnvironmentFacts,
  type CredentialFacts,
  type SdkConstant,
} from './glossary';
export { findTokens, tokenAt } from './tokens';
export { termAt } from './terms';
export { disableComment } from './suppress';
export { envReadExpression, commentSyntax, type CommentSyntax } from './language';
export { envReadImport, type ImportEdit } from './envImports';
export { describeUuidVariant } from './uuid';
export { escapeRegExp } from './regexp';
export { maskText } from './mask';
export { describeLifetime, formatMinutes, plural } from './lifetime';
export {
  parseConfig,
  rulesForPath,
  isIgnoredPath,
  formatConfigError,
  mergeRules,
  EMPTY_CONFIG,
  type PlaidLensConfig,
  type RuleOverride,
  type ConfigError,
  type ConfigResult,
} from './config';
