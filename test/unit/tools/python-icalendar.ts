// Reads iCal files with python-icalendar, a maintained parser that calendar tools build on, in a Python that
// has it (Debian's python3-icalendar; .ci/run installs it). Without one the test fails and says what to install.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface ParsedEvent {
  uid: string;
  sequence: number;
  status: string;
  /** ISO 8601 with the UTC offset the parser worked out from the time zone. */
  start: string;
  end: string;
  summary: string;
  location: string;
  description: string;
}

const SCRIPT = fileURLToPath(new URL('ical_read.py', import.meta.url));

function python(): string {
  for (const p of ['/usr/bin/python3', 'python3']) {
    if (p.startsWith('/') && !existsSync(p)) continue;
    try {
      execFileSync(p, ['-c', 'import icalendar'], { stdio: 'pipe' });
      return p;
    } catch {
      // try the next one
    }
  }
  throw new Error('python-icalendar is needed to read the iCal files as a calendar does: apt-get install python3-icalendar (.ci/run installs it).');
}

export function readIcs(...files: string[]): { name: string; events: ParsedEvent[] }[] {
  return JSON.parse(execFileSync(python(), [SCRIPT, ...files], { encoding: 'utf8' })) as { name: string; events: ParsedEvent[] }[];
}
