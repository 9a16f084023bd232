#!/usr/bin/env node
// The `enclave` command: runs the compiled CLI (npm install builds it).
import '../build/electron/cli/main.js';
