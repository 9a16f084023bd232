#!/usr/bin/env node
// The `enclave` command: runs the CLI bundled from the compiled modules (npm install
// builds it; scripts/bundle-entries.mjs says why one bundle and not build/electron/cli/main.js).
import '../build/bundle/enclave.js';
