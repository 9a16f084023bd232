// The files the app loads by path, relative to the app's root (the checkout, or
// app.asar when packaged). One list, read by main.ts to find them and by
// scripts/packaged-layout.test.mjs to prove electron-builder packs them inside app.asar.
export const APP_ENTRIES = {
  /** package.json `main`. */
  main: 'build/electron/main/main.js',
  preload: 'build/preload/preload.cjs',
  /** Served as app://enclave/ from its folder. */
  renderer: 'build/renderer/index.html',
} as const;

/**
 * Entries that other work adds (the profile host process, started through
 * utilityProcess): checked wherever the build has them, and required once they exist.
 */
export const OPTIONAL_APP_ENTRIES = {
  profileHost: 'build/electron/host/profile-host.js',
} as const;
