// `npm run host -- --data DIR [--port N]`: starts the loopback host and prints the one line with its URL.
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { AppContext } from '../session/context';
import { APP_VERSION, defaultDataDir } from '../paths';
import { startHost } from './server';
import { existingRunner, postbusRunnerOf } from '../postbus/runner';

export function rendererDistDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'renderer');
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({ options: { data: { type: 'string' }, port: { type: 'string' }, renderer: { type: 'string' } }, strict: true }));
  } catch (err) {
    console.error(`regie host: ${(err as Error).message}. Gebruik: npm run host -- [--data MAP] [--port N]`);
    process.exit(2);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`regie host: --port moet een getal van 0 tot 65535 zijn, niet "${values.port}".`);
    process.exit(2);
  }
  const dataDir = resolve(values.data ?? defaultDataDir());
  const ctx = new AppContext(dataDir, 'host', APP_VERSION);
  ctx.startAutomaticBackups();
  const host = await startHost({ ctx, rendererDir: values.renderer ?? rendererDistDir(), port });
  console.log(`Regie: ${host.url}`);
  // A postbus chosen earlier runs from the start (it waits quietly while none is chosen).
  postbusRunnerOf(ctx).start();
  const stop = () => {
    // The postbus writes what changed since its last file before the host goes.
    void (existingRunner(ctx)?.flush() ?? Promise.resolve())
      .catch((err: unknown) => console.error(`regie host: postbus: ${(err as Error).message}`))
      .then(() => host.close())
      .then(() => {
        ctx.close();
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(`regie host: ${(err as Error).message}`);
    process.exit(1);
  });
}
