// Plan files from the command line or a second start are found and delivered once the page can listen.
import { describe, expect, it } from 'vitest';
import { FileForwarder, planFileFromArgv } from '../../../../main/app/open-file';

describe('planFileFromArgv', () => {
  it('finds the .regie file and makes it absolute', () => {
    expect(planFileFromArgv(['--no-sandbox', 'week-21.regie'], '/home/boa')).toBe('/home/boa/week-21.regie');
    expect(planFileFromArgv(['/data/A.REGIE'], '/home/boa')).toBe('/data/A.REGIE');
    expect(planFileFromArgv(['.', 'eerste.regie', 'tweede.regie'], '/tmp')).toBe('/tmp/tweede.regie');
  });

  it('ignores options and other files', () => {
    expect(planFileFromArgv(['--flag=x.regie', 'notities.txt', '.'], '/tmp')).toBeUndefined();
    expect(planFileFromArgv([], '/tmp')).toBeUndefined();
  });
});

describe('FileForwarder', () => {
  it('holds files until connected, then delivers each once', () => {
    const files = new FileForwarder();
    const got: string[] = [];
    files.open('/a.regie');
    files.open('/b.regie');
    files.connect((p) => got.push(p));
    files.open('/c.regie');
    files.connect((p) => got.push(`again ${p}`));
    expect(got).toEqual(['/a.regie', '/b.regie', '/c.regie']);
    files.connect(undefined);
    files.open('/d.regie');
    expect(got).toHaveLength(3);
  });
});
