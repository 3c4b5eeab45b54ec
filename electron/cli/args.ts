import { UserError } from '../../shared/errors';

/** Parsed command-line arguments: positionals and `--name value` / `--flag` options. */
export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly options: Readonly<Record<string, string | true>>;
}

/**
 * Parses arguments against the options a command declares: `valued` take a value
 * (`-o out.xlsx`, `--family=hebei`), `flags` take none. Aliases map short to long names.
 * @throws UserError `usage` in Chinese for an unknown option or a missing value.
 */
export function parseArgs(
  args: readonly string[],
  spec: { valued?: readonly string[]; flags?: readonly string[]; aliases?: Readonly<Record<string, string>> },
): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    let name = (eq > 0 ? arg.slice(0, eq) : arg).replace(/^--?/, '');
    name = spec.aliases?.[name] ?? name;
    if (spec.flags?.includes(name)) {
      options[name] = true;
    } else if (spec.valued?.includes(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
      if (value === undefined || value === '') throw new UserError('usage', `选项 --${name} 需要一个值。`);
      options[name] = value;
    } else {
      throw new UserError('usage', `未知选项：${arg}`);
    }
  }
  return { positionals, options };
}
