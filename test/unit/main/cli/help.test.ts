// `regie --help` and `regie <command> --help` print usage and exit 0 for every command, run as the real process.
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS } from '../../../../main/cli/commands';
import { tempDir } from '../../helpers';
import { regieProcess } from '../../regie-process';

describe('regie --help', () => {
  it('prints the usage of every command and exits 0', () => {
    for (const flag of ['--help', 'help']) {
      const r = regieProcess([flag]);
      expect(r.status, flag).toBe(0);
      for (const name of [...Object.keys(COMMANDS), 'methods', 'call']) expect(r.stdout, `${flag} lists ${name}`).toMatch(new RegExp(`^\\s+(regie )?${name}\\b`, 'm'));
    }
  });

  // Every command the usage lists (COMMANDS, plus methods and call, which index.ts handles itself), and a
  // command with its subcommand.
  it.each([...Object.keys(COMMANDS), 'call', 'methods', 'report settlement', 'settle propose'])('regie %s --help prints its usage, exits 0 and opens no data', (command) => {
    const [name, ...sub] = command.split(' ') as [string, ...string[]];
    const data = join(tempDir(), 'niet-aangemaakt');
    // Each is a real process (slow on a busy machine): -h is checked on the first command only.
    for (const flag of name === Object.keys(COMMANDS)[0] ? ['--help', '-h'] : ['--help']) {
      const r = regieProcess(['--data', data, name, ...sub, flag]);
      expect(r.status, `${name} ${flag}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toMatch(/^Gebruik: regie/);
      expect(r.stdout).toContain(name === 'call' ? 'call FUNCTIE' : name === 'methods' ? '  methods  ' : COMMANDS[name]!.usage);
      expect(r.stderr).toBe('');
    }
    expect(existsSync(data), 'help opens no data folder').toBe(false);
  });

  it('still exits 2 on a usage error', () => {
    expect(regieProcess(['report', '--nonsense']).status).toBe(2);
  });
});
