// Writes the worst plan files a sender without a trusted key can make, for measuring what they cost the
// importer before they are refused (README, "Bounded cost before trust"). Usage:
//   npx tsx test/bench/hostile-files.ts OUT_DIR TRUSTED_PUBLIC_KEY
// OUT_DIR/long-lines.regie: 6 MB of ~900 kB entry lines (about 40x compressed), from an unknown key;
// OUT_DIR/max-unknown.regie and OUT_DIR/max-forged.regie: the maximum file size (256 MB) unpacking to the
// maximum (2 GB), the first from an unknown key, the second claiming TRUSTED_PUBLIC_KEY with a forged signature.
import { createWriteStream } from 'node:fs';
import { randomBytes, createHash } from 'node:crypto';
import { createGzip } from 'node:zlib';
import { join } from 'node:path';
import { once } from 'node:events';
import { canonicalJson } from '../../main/log/canonical';
import { generateDeviceKeys, Signer } from '../../main/log/identity';
import { GZIP_HEADER } from '../../main/exchange/read';
import { LIMITS } from '../../main/exchange/format';

const [outDir, trusted] = process.argv.slice(2);
if (!outDir || !trusted) throw new Error('usage: hostile-files.ts OUT_DIR TRUSTED_PUBLIC_KEY');

/** A line of `bytes` bytes, compressible about `ratio` times (random letters among repeated ones). */
function entryLine(author: string, bytes: number, ratio: number): Buffer {
  const head = `{"author":"${author}","gemeente":"GM0397","hlc":"0000000000000001:0000","ops":[{"id":"GM0397.ev.aaaaaaaaaaaaaaaa","pad":"`;
  const tail = '","set":{},"t":"event.update"}],"prev":null,"seq":1,"v":1}';
  const body = Buffer.alloc(bytes - head.length - tail.length, 'x');
  const random = randomBytes(Math.ceil(body.length / ratio));
  for (let i = 0; i < random.length; i++) body[i * ratio] = 97 + (random[i]! % 26);
  return Buffer.concat([Buffer.from(head), body, Buffer.from(tail)]);
}

async function write(path: string, from: { publicKey: string }, signer: { privateKey: string }, stop: (compressed: number, plain: number) => boolean, line: () => Buffer): Promise<void> {
  const header = {
    format: 'regie-plan',
    version: 1,
    requires: [],
    from: { publicKey: from.publicKey, gemeente: 'GM0397', deviceLabel: 'Laptop' },
    to: ['GM0473'],
    created: new Date().toISOString(),
    have: {},
  };
  const gzip = createGzip({ level: 1 });
  const out = createWriteStream(path);
  let compressed = 0;
  let first = true;
  gzip.on('data', (c: Buffer) => {
    if (first) {
      c = Buffer.from(c);
      GZIP_HEADER.copy(c, 0);
      first = false;
    }
    compressed += c.length;
    out.write(c);
  });
  const hash = createHash('sha256');
  let plain = 0;
  let count = 0;
  const put = async (b: Buffer) => {
    hash.update(b).update('\n');
    plain += b.length + 1;
    count++;
    if (!gzip.write(Buffer.concat([b, Buffer.from('\n')]))) await once(gzip, 'drain');
  };
  await put(Buffer.from(canonicalJson(header)));
  while (!stop(compressed, plain)) await put(line());
  const trailer = { type: 'regie-plan-trailer-v1', count, sha256: hash.digest('hex'), signer: from.publicKey };
  gzip.end(canonicalJson({ trailer, sig: new Signer(signer.privateKey).sign(Buffer.from(canonicalJson(trailer))) }) + '\n');
  await once(gzip, 'end');
  out.end();
  await once(out, 'finish');
  console.log(`${path}: ${(compressed / 1e6).toFixed(1)} MB, unpacks to ${(plain / 1e6).toFixed(0)} MB, ${count} lines`);
}

const nobody = generateDeviceKeys();
const forger = generateDeviceKeys();
await write(
  join(outDir, 'long-lines.regie'),
  nobody,
  nobody,
  (c) => c >= 6e6,
  () => entryLine(nobody.publicKey, 900_000, 40),
);
const maxPlain = LIMITS.maxDecompressedBytes - 2 * 1024 * 1024;
const full = (c: number, p: number) => c >= LIMITS.maxFileBytes - 2 * 1024 * 1024 || p >= maxPlain;
await write(join(outDir, 'max-unknown.regie'), nobody, nobody, full, () => entryLine(nobody.publicKey, 900_000, 6));
await write(join(outDir, 'max-forged.regie'), { publicKey: trusted }, forger, full, () => entryLine(trusted, 900_000, 6));
