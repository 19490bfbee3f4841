// A small command-line argument reader shared by the subcommands: flags, options with a
// value (`--seed 42` or `--seed=42`), positionals, `--` and `-` (standard input).

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
      result.positionals.push(...args.slice(i + 1));
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
