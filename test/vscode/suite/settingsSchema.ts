/**
 * The JSON schema of the `plaidLens.rules` setting, generated from the engine's rule list and severity levels. The
 * copy in package.json must equal it (settings.test.ts says so), so a new rule cannot be forgotten in the settings UI.
 * The extension itself never reads it: VS Code takes the schema from package.json.
 * To update package.json: `node -e "console.log(JSON.stringify(require('./out/test/vscode/suite/settingsSchema').rulesSettingSchema(), null, 2))"`.
 */
import { RULE_IDS, RULES, SEVERITY_LEVELS, type SeverityLevel } from '../../../server/src/engine';

const LEVEL_DESCRIPTIONS: Record<SeverityLevel, string> = {
  off: 'Do not run this rule.',
  hint: 'Report as a hint: a faint underline, not listed in the Problems panel by default.',
  info: 'Report as information.',
  warning: 'Report as a warning.',
  error: 'Report as an error.',
};

/** The schema of `plaidLens.rules` as package.json declares it. */
export function rulesSettingSchema(): Record<string, unknown> {
  const properties = Object.fromEntries(
    RULE_IDS.map((id) => {
      const rule = RULES[id];
      const note = rule.severityNote ? ` (${rule.severityNote})` : '';
      return [
        id,
        {
          type: 'string',
          enum: [...SEVERITY_LEVELS],
          markdownEnumDescriptions: SEVERITY_LEVELS.map((level) => LEVEL_DESCRIPTIONS[level]),
          markdownDescription: `**${rule.title}.** ${rule.description} Default: \`${rule.defaultSeverity}\`${note}.`,
        },
      ];
    }),
  );
  return {
    type: 'object',
    scope: 'resource',
    default: {},
    additionalProperties: false,
    properties,
    markdownDescription:
      'Severity per rule, over the rule defaults and the `rules` of `.plaidlens.json`, e.g. `{ "hardcoded-client-id": "off" }`. ' +
      `Rules: ${RULE_IDS.map((id) => `\`${id}\``).join(', ')}.`,
  };
}
