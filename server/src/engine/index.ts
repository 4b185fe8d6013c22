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
  type LegacySpelling,
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
export {
  createApiIndex,
  normalisePath,
  type ApiData,
  type ApiEndpoint,
  type ApiField,
  type ApiIndex,
  type ApiNotes,
  type ApiResponseField,
  type TokenEndpoints,
} from './api';
export { sdkSpellings, SDKS, type SdkName, type SdkSpelling } from './apiNames';
export { findApiReferences, requestOf, type ApiReference } from './apiCalls';
export { apiHoverAt, apiCompletionAt, apiPathCompletionAt, type ApiHoverTarget, type ApiCompletionTarget } from './apiAt';
export { endpointMarkdown, endpointPlainText, fieldNotes, fieldsRequiredFirst } from './apiDescribe';
export { API_RULE_NEEDLES } from './rules/apiRules';
