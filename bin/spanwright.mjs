#!/usr/bin/env node
// Runs the Spanwright command line straight from its TypeScript sources (tsx compiles them on
// the fly), so it works from a fresh clone after `npm install`, with no build step.
import { register } from 'tsx/esm/api';

// `spanwright agree ... --csv | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

register();
const { main } = await import('../src-cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
