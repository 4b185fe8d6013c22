/**
 * V8 settings for a process that lives as long as the editor and holds little: imported first by `server.ts`, so
 * that they apply before the protocol library and the engine load. Editors start the server as
 * `node dist/server.js --stdio` with no Node options of their own, so the server sets them for itself.
 */
import { setFlagsFromString } from 'node:v8';

// V8 doubles the young generation as soon as loading the bundle keeps it busy, and again in a burst of work
// (opening a thousand files), and keeps it long after; at its first size it costs a few megabytes less for good.
// The price is more minor collections in a burst: opening a 5 MB file spends more time collecting (bench: editor).
setFlagsFromString('--semi-space-growth-factor=1');
// A full collection also moves objects out of sparse pages, so that the pages a burst of work left half empty
// (opening a thousand files) go back to the system. Full collections are rare in an editor's server (a few per
// burst, a few seconds apart when idle), and moving its ~10 MB of live objects costs milliseconds. Only flags that
// V8 reads each time it uses them can be changed here, after start-up.
setFlagsFromString('--compact-on-every-full-gc');
