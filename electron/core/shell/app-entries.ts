// The files the app loads by path, relative to the app's root (the checkout, or
// app.asar when packaged). One list, read by main.ts to find them and by
// scripts/packaged-layout.test.mjs to prove electron-builder packs them inside app.asar.
export const APP_ENTRIES = {
  /** package.json `main`. */
  main: 'build/electron/main/main.js',
  preload: 'build/preload/preload.cjs',
  /** Served as app://enclave/ from its folder. */
  renderer: 'build/renderer/index.html',
  /** One profile's host process (utilityProcess in the app, child_process.fork elsewhere): see storage/host-channel.ts. */
  profileHost: 'build/bundle/profile-host.js',
} as const;
