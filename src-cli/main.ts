// The `spanwright` command line: picks the subcommand and turns its outcome into an exit code.
import { runAgree, AGREE_SUMMARY } from './agree';
import { CONVERT_SUMMARY, runConvert } from './convert';
import { MERGE_SUMMARY, runMerge } from './merge';
import { PULL_SUMMARY, runPull } from './pull';
import { PUSH_SUMMARY, runPush } from './push';
import { runSplit, SPLIT_SUMMARY } from './split';
import { runStats, STATS_SUMMARY } from './stats';
import { runValidate, VALIDATE_SUMMARY } from './validate';
import { EXIT_USAGE, processOutput, type CliOutput } from './output';

interface Command {
  summary: string;
  run(args: string[], output: CliOutput): Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  agree: { summary: AGREE_SUMMARY, run: runAgree },
  convert: { summary: CONVERT_SUMMARY, run: runConvert },
  validate: { summary: VALIDATE_SUMMARY, run: runValidate },
  stats: { summary: STATS_SUMMARY, run: runStats },
  split: { summary: SPLIT_SUMMARY, run: runSplit },
  merge: { summary: MERGE_SUMMARY, run: runMerge },
  pull: { summary: PULL_SUMMARY, run: runPull },
  push: { summary: PUSH_SUMMARY, run: runPush },
};

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`);
  return (
    [
      'Usage: spanwright <command> [options]',
      '',
      'Commands:',
      ...lines,
      '',
      "Run 'spanwright <command> --help' for a command's options.",
    ].join('\n') + '\n'
  );
}

/** Runs the command line `argv` (without node and the script) and returns the exit code. */
export async function main(argv: readonly string[], output: CliOutput = processOutput): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    output.stdout(help());
    return 0;
  }
  if (name === undefined) {
    output.stderr(help());
    return EXIT_USAGE;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    output.stderr(`spanwright: unknown command "${name}". Run 'spanwright --help' for the commands.\n`);
    return EXIT_USAGE;
  }
  return command.run(rest, output);
}
