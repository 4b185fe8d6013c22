import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { rulesSettingSchema } from './settingsSchema';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { EXTENSION_ID } from './util';

interface SettingSchema {
  type: string;
  default: unknown;
  scope?: string;
  markdownDescription?: string;
  enum?: string[];
}

function contributedSettings(): Record<string, SettingSchema> {
  return vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.configuration.properties;
}

suite('Settings', () => {
  test('Should declare plaidLens.rules exactly as generated from the rule list (regenerate it if this fails)', () => {
    const generated = rulesSettingSchema();
    assert.deepEqual(
      contributedSettings()['plaidLens.rules'],
      generated,
      `package.json "plaidLens.rules" should be:\n${JSON.stringify(generated, null, 2)}`,
    );
  });

  test("Should give every setting a type, a Markdown description, a scope and the server's default", () => {
    const settings = contributedSettings();
    const defaults: Record<string, unknown> = {
      'plaidLens.enable': DEFAULT_SETTINGS.enable,
      'plaidLens.rules': DEFAULT_SETTINGS.rules,
      'plaidLens.maxFileSizeKB': DEFAULT_SETTINGS.maxFileSizeKB,
      'plaidLens.trace.server': DEFAULT_SETTINGS.trace.server,
    };
    assert.deepEqual(Object.keys(settings).sort(), Object.keys(defaults).sort());
    for (const [name, schema] of Object.entries(settings)) {
      assert.ok(schema.type, `${name} has a type`);
      assert.ok(schema.markdownDescription && schema.markdownDescription.length > 20, `${name} is described`);
      assert.ok(schema.scope === 'resource' || (name === 'plaidLens.trace.server' && schema.scope === 'window'), `${name} scope`);
      assert.deepEqual(schema.default, defaults[name], `${name} default`);
    }
  });

  test('Should read the contributed defaults back through the configuration API', () => {
    const config = vscode.workspace.getConfiguration('plaidLens');
    assert.equal(config.get('enable'), true);
    assert.equal(config.get('maxFileSizeKB'), DEFAULT_SETTINGS.maxFileSizeKB);
    assert.equal(config.get('trace.server'), 'off');
  });
});
