'use strict';
// A throw-away home for one editor run: code-server and Chromium both write under HOME and XDG_*, so each run gets
// its own folders, its own user settings and its own copy of the fixture workspace (tests may edit files).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/** User settings that keep the workbench quiet and offline so tests see only what the extension does. */
const QUIET_SETTINGS = {
  // The Welcome page steals keyboard focus from the editor.
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.editor.enablePreview': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'npm.autoDetect': 'off',
  // Built-in TypeScript checks would fill the Problems panel with fixture errors that are not ours.
  'typescript.validate.enable': false,
  'javascript.validate.enable': false,
  'typescript.disableAutomaticTypeAcquisition': true,
  'files.hotExit': 'off',
  'window.restoreWindows': 'none',
};

/** Makes a fresh temporary root with HOME, XDG folders and user settings; `dispose()` removes it. */
function createSandbox(label) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `plaid-lens-${label}-`));
  const dir = (name) => {
    const full = path.join(root, name);
    fs.mkdirSync(full, { recursive: true });
    return full;
  };
  const home = dir('home');
  const sandbox = {
    root,
    home,
    userDataDir: dir('user-data'),
    extensionsDir: dir('extensions'),
    browserProfileDir: dir('browser-profile'),
    env: {
      ...process.env,
      HOME: home,
      XDG_CONFIG_HOME: dir('home/.config'),
      XDG_DATA_HOME: dir('home/.local/share'),
      XDG_CACHE_HOME: dir('home/.cache'),
      XDG_RUNTIME_DIR: dir('runtime'),
    },
    /** Copies a fixture folder into the sandbox and returns the copy's absolute path. */
    copyWorkspace(fixtureDir, name = path.basename(fixtureDir)) {
      const target = path.join(root, 'workspaces', name);
      fs.cpSync(fixtureDir, target, { recursive: true });
      return target;
    },
    dispose() {
      process.removeListener('exit', removeRoot);
      removeRoot();
    },
  };
  const removeRoot = () => {
    if (process.env.PLAID_LENS_KEEP_TMP) {
      console.log(`kept ${root}`);
      return;
    }
    fs.rmSync(root, { recursive: true, force: true });
  };
  // A run stopped by a signal never reaches dispose(); the folder goes all the same.
  process.once('exit', removeRoot);
  fs.chmodSync(sandbox.env.XDG_RUNTIME_DIR, 0o700);
  writeUserSettings(sandbox.userDataDir, QUIET_SETTINGS);
  return sandbox;
}

/** Writes VS Code user settings where code-server reads them (`<user-data-dir>/User/settings.json`). */
function writeUserSettings(userDataDir, settings) {
  const userDir = path.join(userDataDir, 'User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify(settings, null, 2));
}

module.exports = { createSandbox, QUIET_SETTINGS };
