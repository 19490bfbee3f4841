// A small command-line argument reader shared by the subcommands: flags, options with a
// value (`--seed 42` or `--seed=42`), positionals, `--` and `-` (standard input).
import { EXIT_USAGE } from './output';
import { pushAll } from '../src-shared/push-all';

export interface OptionSpec {
  /** Options without a value, e.g. `json`. */
  flags?: readonly string[];
  /** Options that take a value, e.g. `seed`; short aliases map to them (`o` -> `out`). */
  values?: readonly string[];
  aliases?: Readonly<Record<string, string>>;
}

export interface ParsedArguments {
  positionals: string[];
  flags: Set<string>;
  values: Map<string, string>;
  help: boolean;
}

export function readArguments(args: readonly string[], spec: OptionSpec): ParsedArguments | { error: string } {
  const result: ParsedArguments = { positionals: [], flags: new Set(), values: new Map(), help: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      pushAll(result.positionals, args.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') {
      result.help = true;
      continue;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      result.positionals.push(arg);
      continue;
    }
    const [rawName, inline] = arg.replace(/^--?/, '').split(/=(.*)/s, 2) as [string, string | undefined];
    const name = spec.aliases?.[rawName] ?? rawName;
    if (spec.flags?.includes(name) && inline === undefined) result.flags.add(name);
    else if (spec.values?.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined || value === '') return { error: `--${name} needs a value` };
      result.values.set(name, value);
    } else return { error: `unknown option ${arg}` };
  }
  return result;
}

/**
 * The start every subcommand shares: read the arguments, print the help for --help, and turn
 * a usage mistake into the message and exit code 2. Returns the arguments, or the exit code.
 */
export function startCommand(
  command: string,
  args: readonly string[],
  spec: OptionSpec,
  usage: string,
  output: { stdout(text: string): void; stderr(text: string): void },
): ParsedArguments | number {
  const parsed = readArguments(args, spec);
  if ('error' in parsed) return usageError(command, parsed.error, usage, output);
  if (parsed.help) {
    output.stdout(usage);
    return 0;
  }
  return parsed;
}

/** Prints a usage mistake with the command's help; returns exit code 2. */
export function usageError(command: string, reason: string, usage: string, output: { stderr(text: string): void }): number {
  output.stderr(`spanwright ${command}: ${reason}\n\n${usage}`);
  return EXIT_USAGE;
}
