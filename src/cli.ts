#!/usr/bin/env node
// The `sinmun` command line (the commands are in commands.ts).
//
// Everything allocated while the code loads and the app is built survives, and V8 answers
// survivors by doubling its young generation: 16 MiB of it were committed before the first
// request, and stayed. Loading with that growth switched off, then giving V8 back its default
// (a factor of 2), took the idle server from 101 to 93 MiB (bench/RESULTS.md); under load the
// young generation still grows as V8 sees fit.
import { setFlagsFromString } from 'node:v8'

const growYoungGeneration = (on: boolean) => setFlagsFromString(`--semi-space-growth-factor=${on ? 2 : 1}`)
const argv = process.argv.slice(2)

growYoungGeneration(false)
const { run } = await import('./commands.js')
// Batch commands (import, reindex) allocate heavily from the start: only `serve` waits.
if (argv[0] !== 'serve') growYoungGeneration(true)
await run(argv)
growYoungGeneration(true)
