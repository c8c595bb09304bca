// The import of a plan file as a pipeline of stages, each run once, in order:
//   open (open.ts) → authenticate the sender (sender.ts) → decode (scan.ts) → verify chains and checkpoints
//   (chains.ts) → compare with this copy and check authority (known.ts, authority.ts) → preview or apply
//   (../apply.ts).
// A large file is streamed twice and never held: the first pass proves a trusted sender signed exactly this
// content (constant memory); the second, inside the import's one transaction, decodes (a worker that starts
// as soon as the sender is trusted, so its first slices are ready when the first pass ends), verifies chains
// and checkpoints keeping a few facts per feed, compares and applies slice by slice, and commits only once
// the whole file checked out (second-pass.ts). A small file, or one without a worker,
// is read and checked first and applied from its kept slices. Stages find and return; what they found is
// recorded here (a fork) or by the apply stage (everything else), so a refusal changes nothing but what it
// must keep as proof.
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
import { acquireWorkers, releaseWorkers } from '../decode-pool';
import { FeedChains, type Identify } from './chains';
import { expectedNew, ForkFound, KnownFeeds, recordFork, refuseReplay } from './known';
import { revocationsOf } from '../trust/store';
import { AuthorityFindings } from './authority';
import { startSecondPass, StreamFault, streamsTwice, type SecondPass, type SliceSource } from './second-pass';

/** The device names this copy and the file's cards give: for messages and for each feed's gemeente. */
function identifyWith(checked: SenderCheckResult): Identify {
  return (author) => {
    const known = checked.trustedAuthor(author);
    const card = checked.cards.get(author)?.card;
    return { gemeente: known?.gemeente ?? card?.gemeente, deviceLabel: known?.deviceLabel ?? card?.deviceLabel };
  };
}

/**
 * Stages open and authenticate: the file, its sender checked against this copy (throws to refuse).
 * `onTrusted` runs as soon as the sender is found trusted, while the rest of the file is still being hashed.
 */
async function openAndAuthenticate(db: Db, me: LocalIdentity, path: string, onTrusted?: (source: PlanSource) => void): Promise<{ source: PlanSource; sender: Sender; checked: SenderCheckResult }> {
  const source = await openPlanSource(path, me);
  try {
    let checked: SenderCheckResult | undefined;
    const sender = await authenticateSender(source, (header, cards, attestations) => {
      checked = checkSender(db, header, cards, attestations);
      onTrusted?.(source);
    });
    refuseStrippedSeal(source, sender.header);
    return { source, sender, checked: checked! };
  } catch (err) {
    await source.close();
    throw err;
  }
}

/** The second pass streamed by a worker: decoded a few slices ahead, chains followed as the slices are taken. */
export function streamed(slices: SliceSource, sender: Sender, checked: SenderCheckResult): ImportStream {
  const chains = new FeedChains(identifyWith(checked), Date.now());
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
  // Once the sender is trusted, a worker starts streaming the file again (the second pass), decoding its
  // first slices while this thread still hashes the rest of the first pass: applying starts with them ready.
  let starting: Promise<{ second: SecondPass; slices: SliceSource } | null> | undefined;
  const apply = (stream: ImportStream) => {
    try {
      return runImport(db, me, stream, commit);
    } catch (err) {
      if (err instanceof ForkFound) recordFork(db, err.fork);
      throw err;
    }
  };
  try {
    const { source, sender, checked } = await openAndAuthenticate(db, me, path, (opened) => {
      if (streamsTwice(opened.size)) starting = startSecondPass().then((second) => second && { second, slices: second.stream(opened.path, opened.size) });
    });
    try {
      refuseReplay(db, sender.fileId, checked.senderName);
      const second = starting ? await starting : null;
      if (second) {
        try {
          return apply(streamed(second.slices, sender, checked));
        } catch (err) {
          // Something in the file stopped the stream (all undone): reading it first tells exactly what.
          if (!(err instanceof StreamFault)) throw err;
        }
      }
      return apply(await readFirst(db, source, sender, checked));
    } finally {
      await source.close();
    }
  } finally {
    void starting?.then((started) => {
      started?.slices.close();
      started?.second.close();
    });
  }
}

/** Checks a plan file against this copy without changing anything: one pass, every stage but applying. */
export async function verifyPlanFile(db: Db, me: LocalIdentity, path: string): Promise<VerifyResult> {
  // A large file's decode workers start (or are taken parked) as soon as the sender is trusted, so they load
  // while this thread still hashes the first pass: the entries are decoded in them as soon as it ends.
  let workers = false;
  const { source, sender, checked } = await openAndAuthenticate(db, me, path, (opened) => void (workers = acquireWorkers(opened.size))).catch((err: unknown) => {
    if (workers) releaseWorkers();
    throw err;
  });
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
    if (workers) releaseWorkers();
    await source.close();
  }
}
