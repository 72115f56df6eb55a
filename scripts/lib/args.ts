/** Parsed command-line arguments: positionals, `--flag` booleans and `--key value` options. */
export interface Args {
  positional: string[];
  flags: Set<string>;
  options: Map<string, string>;
}

/** Parses argv; `valued` lists the options that take a value. */
export function parseArgs(argv: readonly string[], valued: readonly string[]): Args {
  const args: Args = { positional: [], flags: new Set(), options: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) {
      args.positional.push(arg);
      continue;
    }
    const name = arg.slice(2);
    if (!valued.includes(name)) {
      args.flags.add(name);
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value`);
    args.options.set(name, value);
    i += 1;
  }
  return args;
}
