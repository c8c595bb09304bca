// `regie`: the command line over the same api as the app. Exit 0 on success, 1 when refused, 2 on a usage error.
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { z } from 'zod';
import { contract, METHOD_NAMES } from '../../shared/api/contract';
import { AppContext } from '../session/context';
import { dispatch } from '../api/dispatch';
import { APP_VERSION, defaultDataDir } from '../paths';
import { COMMANDS, terminalConfirm, UsageError, type CommandIo } from './commands';
import { ApiError } from '../../shared/api/errors';

export type CliIo = CommandIo;

const USAGE = `Gebruik: regie [--data MAP] <opdracht>
  methods                              toon alle api-functies met het schema van hun argument
  call FUNCTIE ['JSON']                roep een api-functie aan en toon het resultaat als JSON
${Object.values(COMMANDS)
  .map((c) => `  ${c.usage}`)
  .join('\n')}
Gegevensmap: --data MAP, of REGIE_DATA, anders de standaardmap van Regie.`;

interface Parsed {
  dataDir: string | undefined;
  rest: string[];
}

function splitGlobal(argv: string[]): Parsed {
  const rest: string[] = [];
  let dataDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--data') {
      const v = argv[++i];
      if (!v) throw new UsageError('--data heeft een map nodig.');
      dataDir = v;
    } else if (a.startsWith('--data=')) dataDir = a.slice(7);
    else rest.push(a);
  }
  return { dataDir, rest };
}

function methodsListing(): Record<string, { summary: string; argument: unknown }> {
  const out: Record<string, { summary: string; argument: unknown }> = {};
  for (const name of METHOD_NAMES) {
    const m = contract[name];
    out[name] = { summary: m.summary, argument: z.toJSONSchema(m.input, { unrepresentable: 'any', io: 'input' }) };
  }
  return out;
}

export async function runCli(argv: string[], io: CliIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let parsed: Parsed;
  try {
    parsed = splitGlobal(argv);
  } catch (err) {
    io.err(`regie: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const [command, ...args] = parsed.rest;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    (command ? io.out : io.err)(USAGE);
    return command ? 0 : 2;
  }
  const asksHelp = args.includes('--help') || args.includes('-h');
  if (command === 'methods' || (command === 'call' && asksHelp)) {
    if (asksHelp) {
      io.out(USAGE);
      return 0;
    }
    io.out(JSON.stringify(methodsListing(), null, 2));
    return 0;
  }
  const named = Object.prototype.hasOwnProperty.call(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (named && asksHelp) {
    // `regie <command> --help` (or -h): the usage of that command, exit 0, nothing opened.
    io.out(`Gebruik: regie [--data MAP] ${named.usage}`);
    return 0;
  }
  if (named) {
    const ctx = new AppContext(resolve(parsed.dataDir ?? defaultDataDir(env)), 'cli', APP_VERSION);
    try {
      return await named.run(ctx, args, io);
    } catch (err) {
      if (err instanceof UsageError) {
        io.err(`regie ${command}: ${err.message}\nGebruik: regie [--data MAP] ${named.usage}`);
        return 2;
      }
      if (err instanceof ApiError) {
        io.err(`regie: ${err.message}`);
        return 1;
      }
      io.err(`regie: interne fout: ${(err as Error).message}`);
      return 1;
    } finally {
      ctx.close();
    }
  }
  if (command !== 'call') {
    io.err(`regie: onbekende opdracht "${command}".\n${USAGE}`);
    return 2;
  }
  const [method, json] = args;
  if (!method || args.length > 2) {
    io.err(`regie: call heeft een functienaam en hooguit één JSON-argument nodig.\n${USAGE}`);
    return 2;
  }
  let input: unknown = {};
  if (json !== undefined) {
    try {
      input = JSON.parse(json);
    } catch {
      io.err(`regie: het argument is geen geldige JSON: ${json.slice(0, 80)}`);
      return 2;
    }
  }
  const ctx = new AppContext(resolve(parsed.dataDir ?? defaultDataDir(env)), 'cli', APP_VERSION);
  try {
    const result = await dispatch(ctx, method, input, (err) => io.err(`regie: interne fout: ${(err as Error).message}`));
    if (!result.ok) {
      io.err(`regie: ${result.error.code}: ${result.error.message}`);
      return 1;
    }
    io.out(JSON.stringify(result.value, null, 2));
    return 0;
  } finally {
    ctx.close();
  }
}

/** Runs `regie` as a process: real terminal, real exit code. */
export function main(argv = process.argv.slice(2)): Promise<void> {
  // A reader that stops early (`regie call gemeenten.list | head`): the command still runs to its end and
  // exits with its own code; what it prints after that is dropped, without a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
  const confirm = terminalConfirm();
  return runCli(argv, { out: (t) => process.stdout.write(t + '\n'), err: (t) => process.stderr.write(t + '\n'), ...(confirm ? { confirm } : {}) })
    .then((code) => {
      process.exitCode = code;
    })
    .catch((err: unknown) => {
      process.stderr.write(`regie: ${(err as Error).message}\n`);
      process.exitCode = 1;
    });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void main();
}
