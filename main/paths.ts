// Where Regie keeps its data when no --data or REGIE_DATA is given: the same folder Electron's userData uses.
import { homedir } from 'node:os';
import { join } from 'node:path';
import pkg from '../package.json';

export const APP_NAME = 'Regie';
export const APP_VERSION: string = pkg.version;

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.REGIE_DATA) return env.REGIE_DATA;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}
