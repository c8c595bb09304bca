// The import of a plan file as a pipeline of stages, each run once, in order:
//   open (open.ts) → authenticate the sender (sender.ts) → decode (scan.ts) → verify chains and checkpoints
//   (chains.ts) → compare with this copy and check authority (known.ts, authority.ts) → preview or apply
//   (../apply.ts).
// A large file is streamed once and never held (streamedOnce): a worker reads, unpacks, hashes and decodes
// it a slice ahead; its header and cards come first, so the sender is checked before any entry is taken;
// inside the import's one transaction the entries are compared and applied slice by slice, and nothing is
// committed before the end proved that a trusted sender signed exactly this content (the trailer's signature
// over its sha256), every chain and checkpoint checked out, and the file was not imported before
// (second-pass.ts). Another worker unpacks and hashes the file beside it, so a forged or replayed file stops
// the applying after about one unpacking and hashing, as when that was a first pass. A small file, one without a worker, or one that stopped the stream (to tell exactly
// what is wrong) is authenticated first (the whole file hashed, constant memory), then read and checked, and
// applied from its kept slices. Stages find and return; what they found is recorded here (a fork) or by the
// apply stage (everything else), so a refusal changes nothing but what it must keep as proof.
import type { Db } from '../../store/db';
import type { LocalIdentity } from '../../log/log';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import { shown } from '../../../shared/text/shown';
import type { ImportPreview, VerifyResult } from '../../../shared/api/exchange';
import { PlanFileError } from '../format';
import { FILE_CHANGED } from '../read';
import { runImport, type ImportStream } from '../apply';
import { openPlanSource, refuseStrippedSeal, type PlanSource } from './open';
import { authenticateSender, checkSender, type Sender, type SenderCheckResult } from './sender';
import { scanPlan, type DecodedSlice } from './scan';
import { FeedChains, type Identify } from './chains';
import { expectedNew, ForkFound, KnownFeeds, recordFork, refuseReplay } from './known';
import { revocationsOf } from '../trust/store';
import { AuthorityFindings } from './authority';
import { startSecondPass, StreamFault, appliesWhileStreaming, type SecondPass } from './second-pass';

/** The device names this copy and the file's cards give: for messages and for each feed's gemeente. */
function identifyWith(checked: SenderCheckResult): Identify {
  return (author) => {
    const known = checked.trustedAuthor(author);
    const card = checked.cards.get(author)?.card;
    return { gemeente: known?.gemeente ?? card?.gemeente, deviceLabel: known?.deviceLabel ?? card?.deviceLabel };
  };
}

/** Stage authenticate: the sender of an open file checked against this copy (throws to refuse). */
async function authenticate(db: Db, source: PlanSource): Promise<{ sender: Sender; checked: SenderCheckResult }> {
  let checked: SenderCheckResult | undefined;
  const sender = await authenticateSender(source, (header, cards, attestations) => {
    checked = checkSender(db, header, cards, attestations);
  });
  refuseStrippedSeal(source, sender.header);
  return { sender, checked: checked! };
}

/** Stages open and authenticate: the file, its sender checked against this copy (throws to refuse). */
async function openAndAuthenticate(db: Db, me: LocalIdentity, path: string): Promise<{ source: PlanSource; sender: Sender; checked: SenderCheckResult }> {
  const source = await openPlanSource(path, me);
  try {
    return { source, ...(await authenticate(db, source)) };
  } catch (err) {
    await source.close();
    throw err;
  }
}

/** The second pass streamed by a worker: decoded a slice ahead, chains followed as the slices are taken. */
export function streamed(second: SecondPass, source: PlanSource, sender: Sender, checked: SenderCheckResult): ImportStream {
  const chains = new FeedChains(identifyWith(checked), Date.now());
  const slices = second.stream(source.path, source.size);
  return {
    fileId: sender.fileId,
    header: sender.header,
    cards: sender.cards,
    attestations: sender.attestations,
    expected: () => sender.entryLines,
    next: () => {
      const slice = slices.next();
      if (slice) for (const e of slice.entries) chains.add(e);
      else slices.close();
      return slice;
    },
    describe: (author) => chains.describe(author),
    finish: () => {
      const end = slices.end();
      if (end.digest !== sender.fileId) throw new PlanFileError(FILE_CHANGED);
      return { feeds: chains.finish(end.checkpoints), entries: chains.entries };
    },
  };
}

/** Compressed bytes per entry that a large file is taken to have at least, to guess its entries before reading them (for loading in bulk). */
const BYTES_PER_ENTRY = 200;

/**
 * A large file in one pass, streamed by a worker: the header and cards first (the sender checked before any
 * entry is taken), then the entries, applied as they come in the import's transaction; the end proves the
 * content is what the sender signed (the worker checks the trailer's signature over its sha256) before
 * anything is committed. Throws StreamFault when the stream stops on something in the file.
 */
export function streamedOnce(db: Db, second: SecondPass, source: PlanSource, authentication?: ReturnType<SecondPass['authenticate']>): ImportStream {
  const slices = second.stream(source.path, source.size);
  try {
    const { header, cards, attestations } = slices.head();
    refuseStrippedSeal(source, header);
    const checked = checkSender(db, header, cards, attestations);
    const chains = new FeedChains(identifyWith(checked), Date.now());
    // The file unpacked and hashed beside the stream (another worker): a forged file stops the applying
    // after about one unpacking and hashing, a file imported before as soon as its sha256 is known.
    let authenticated = false;
    const checkAuthentication = () => {
      const told = authenticated ? undefined : authentication?.poll();
      if (!told) return;
      authenticated = true;
      if ('error' in told) throw new StreamFault(told.error);
      refuseReplay(db, told.digest, checked.senderName);
    };
    return {
      fileId: undefined,
      header,
      cards,
      attestations,
      expected: () => Math.floor(source.size / BYTES_PER_ENTRY),
      next: () => {
        checkAuthentication();
        const slice = slices.next();
        if (slice) for (const e of slice.entries) chains.add(e);
        else slices.close();
        return slice;
      },
      describe: (author) => chains.describe(author),
      finish: () => {
        checkAuthentication();
        const end = slices.end();
        return { feeds: chains.finish(end.checkpoints), entries: chains.entries, fileId: end.digest };
      },
    };
  } catch (err) {
    slices.close();
    throw err;
  }
}

/** The file read and checked first, its decoded slices kept for applying (a small file, or no worker). */
async function readFirst(db: Db, source: PlanSource, sender: Sender, checked: SenderCheckResult): Promise<ImportStream> {
  const kept: DecodedSlice[] = [];
  const chains = new FeedChains(identifyWith(checked), Date.now());
  const end = await scanPlan(source.path, source.size, (slice) => {
    for (const e of slice.entries) chains.add(e);
    kept.push(slice);
  });
  if (end.digest !== sender.fileId) throw new PlanFileError(FILE_CHANGED);
  const feeds = chains.finish(end.checkpoints);
  let i = 0;
  return {
    fileId: end.digest,
    header: end.header,
    cards: end.cards,
    attestations: end.attestations,
    expected: (trusted) => expectedNew(db, feeds.values(), trusted),
    next: () => kept[i++],
    describe: (author) => chains.describe(author),
    finish: () => ({ feeds, entries: chains.entries }),
  };
}

/**
 * Previews (commit false: the real import, rolled back) or imports a plan file. Memory stays a few slices
 * whatever the file's size, apart from a small file (or no worker thread), whose decoded slices are kept.
 */
export async function importPlanFile(db: Db, me: LocalIdentity, path: string, commit: boolean): Promise<ImportPreview> {
  const apply = (stream: () => ImportStream) => {
    try {
      return runImport(db, me, stream(), commit);
    } catch (err) {
      if (err instanceof ForkFound) recordFork(db, err.fork);
      throw err;
    }
  };
  const source = await openPlanSource(path, me);
  try {
    // A large file is read once, by a worker, and applied as it is read.
    // Two workers: one streams the file to be applied, the other unpacks and hashes it beside (authenticate).
    const [second, beside] = appliesWhileStreaming(source.size) ? await Promise.all([startSecondPass(), startSecondPass()]) : [null, null];
    if (second && beside) {
      try {
        return apply(() => streamedOnce(db, second, source, beside.authenticate(source.path, source.size)));
      } catch (err) {
        // Something in the file stopped the stream (all undone): reading it first tells exactly what.
        if (!(err instanceof StreamFault)) throw err;
      } finally {
        second.close();
        beside.close();
      }
    } else {
      second?.close();
      beside?.close();
    }
    // A small file, no worker, or a stream that stopped: the sender authenticated first, then the file read and checked, then applied.
    const { sender, checked } = await authenticate(db, source);
    refuseReplay(db, sender.fileId, checked.senderName);
    const stream = await readFirst(db, source, sender, checked);
    return apply(() => stream);
  } finally {
    await source.close();
  }
}

/** Checks a plan file against this copy without changing anything: one pass, every stage but applying. */
export async function verifyPlanFile(db: Db, me: LocalIdentity, path: string): Promise<VerifyResult> {
  const { source, sender, checked } = await openAndAuthenticate(db, me, path);
  try {
    const trusted = (author: string) => checked.trustedAuthor(author)?.trusted === true;
    const chains = new FeedChains(identifyWith(checked), Date.now());
    const known = new KnownFeeds(db, (author) => chains.describe(author), trusted);
    const authority = new AuthorityFindings(revocationsOf(db));
    let fork: ForkFound | undefined;
    const end = await scanPlan(source.path, source.size, (slice) => {
      for (const e of slice.entries) {
        chains.add(e);
        if (fork) continue;
        try {
          const disposition = known.place(e);
          if (disposition !== 'known') authority.add(e, disposition);
        } catch (err) {
          if (!(err instanceof ForkFound)) throw err;
          // Verify changes nothing: the fork is told, not recorded (importing the file records it).
          fork = err;
        }
      }
    });
    if (end.digest !== sender.fileId) throw new PlanFileError(FILE_CHANGED);
    chains.finish(end.checkpoints);
    if (fork) throw fork;
    const problems = authority.problems(known.feeds.values());
    return {
      valid: problems.length === 0,
      sender: { gemeente: end.header.from.gemeente, gemeenteName: gemeenteName(end.header.from.gemeente), device: shown(end.header.from.deviceLabel) },
      created: end.header.created,
      entries: chains.entries,
      feeds: known.feeds.size,
      problems,
    };
  } finally {
    await source.close();
  }
}
