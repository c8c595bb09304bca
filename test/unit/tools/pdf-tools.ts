// The PDF tools the archive tests read Regie's PDFs with: poppler (pdfinfo, pdffonts, pdftotext, pdftoppm),
// qpdf (structure and syntax), and Apache PDFBox Preflight (Debian libpdfbox2-java), the PDF/A validator that
// runs here without a network. Preflight checks PDF/A-1b; what PDF/A-2 changed is listed where it is used.
// A missing tool fails the test with what to install (.ci/run installs all of them).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const INSTALL = 'apt-get install poppler-utils qpdf default-jre-headless libpdfbox2-java libactivation-java libjaxb-api-java (.ci/run installs them)';

export function tool(name: 'pdfinfo' | 'pdffonts' | 'pdftotext' | 'pdftoppm' | 'qpdf' | 'java'): string {
  const path = `/usr/bin/${name}`;
  if (!existsSync(path)) throw new Error(`${name} is needed to read the PDFs as a person's tools do: ${INSTALL}.`);
  return path;
}

export function run(name: Parameters<typeof tool>[0], args: string[]): string {
  return execFileSync(tool(name), args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** pdffonts' table: one row per font. */
export function fontsOf(file: string): { name: string; type: string; encoding: string; embedded: boolean; subset: boolean; unicode: boolean }[] {
  return run('pdffonts', [file])
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const m = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.exec(l.trim());
      if (!m) throw new Error(`pdffonts: cannot read ${l}`);
      return { name: m[1]!, type: m[2]!, encoding: m[3]!, embedded: m[4] === 'yes', subset: m[5] === 'yes', unicode: m[6] === 'yes' };
    });
}

/** pdfinfo's "Key: value" lines. */
export function infoOf(file: string): Record<string, string> {
  return Object.fromEntries(
    run('pdfinfo', [file])
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

type PdfValue = string | number | boolean | null | PdfValue[] | { [key: string]: PdfValue };
export interface PdfObjects {
  get(ref: PdfValue | undefined): PdfValue | undefined;
  trailer: Record<string, PdfValue>;
  /** A stream's decoded data (base64 in qpdf's JSON). */
  streamData(ref: PdfValue | undefined): Buffer;
}

/** Every object of the file, as qpdf reads them (qpdf --json, version 2); with `streams`, their data too. */
export function objectsOf(file: string, options: { streams?: boolean } = {}): PdfObjects {
  const data = options.streams ? ['--json-stream-data=inline', '--decode-level=generalized'] : ['--json-stream-data=none'];
  const json = JSON.parse(run('qpdf', ['--json=2', ...data, file])) as { qpdf: [unknown, Record<string, { value?: PdfValue; stream?: { dict: PdfValue; data?: string } }>] };
  const objects = json.qpdf[1];
  const resolve = (ref: PdfValue | undefined): PdfValue | undefined => {
    if (typeof ref === 'string' && /^\d+ \d+ R$/.test(ref)) {
      const o = objects[`obj:${ref}`];
      return o?.value ?? o?.stream?.dict;
    }
    return ref;
  };
  return {
    get: resolve,
    trailer: objects.trailer!.value as Record<string, PdfValue>,
    streamData: (ref) => Buffer.from((typeof ref === 'string' ? objects[`obj:${ref}`]?.stream?.data : undefined) ?? '', 'base64'),
  };
}

const JARS = ['preflight.jar', 'pdfbox2.jar', 'fontbox2.jar', 'xmpbox.jar', 'commons-logging.jar', 'javax.activation.jar', 'jaxb-api.jar'].map((j) => `/usr/share/java/${j}`);

/** PDFBox Preflight's verdict: the error lines ("3.1.11 : ...") it prints; none for a valid PDF/A-1b file. */
export function preflight(file: string): { valid: boolean; errors: string[]; output: string } {
  const missing = JARS.filter((j) => !existsSync(j));
  if (missing.length) throw new Error(`The PDF/A validator (Apache PDFBox Preflight) is needed: ${missing.join(', ')} missing. ${INSTALL}.`);
  const r = spawnSync(tool('java'), ['-cp', JARS.join(':'), 'org.apache.pdfbox.preflight.Validator_A1b', file], { encoding: 'utf8' });
  const output = `${r.stdout}${r.stderr}`;
  if (/Exception|Error: Unable/.test(r.stderr)) throw new Error(`Preflight did not run: ${r.stderr.slice(0, 500)}`);
  const errors = output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^\d+(\.\d+)* : /.test(l));
  return { valid: /is a valid PDF\/A-1b file/.test(output), errors, output };
}
