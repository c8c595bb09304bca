// The import of a plan file as a pipeline of stages, each run once, in order:
//   open (open.ts) → authenticate the sender (sender.ts) → decode (scan.ts) → verify chains and checkpoints
//   (chains.ts) → compare with this copy and check authority (known.ts, authority.ts) → preview or apply
//   (../apply.ts).
// The file is streamed twice and never held: the first pass checks everything the file says by itself
// keeping a few facts per feed; the second, inside the import's one transaction, compares and applies slice
// by slice (second-pass.ts). Stages find and return; what they found is recorded here (a fork) or by the
// apply stage (everything else), so a refusal changes nothing but what it must keep as proof.
import type { Db } from '../../store/db';
import type { LocalIdentity } from '../../log/log';
import { gemeenteName } from '../../../shared/domain/gemeenten';
import { shown } from '../../../shared/text/shown';
import type { ImportPreview, VerifyResult } from '../../../shared/api/exchange';
import { PlanFileError } from '../format';
import { FILE_CHANGED } from '../read';
import { runImport, type ReadPlan } from '../apply';
import { openPlanSource, refuseStrippedSeal, type PlanSource } from './open';
import { authenticateSender, checkSender, type Sender, type SenderCheckResult } from './sender';
import { scanPlan, type DecodedSlice } from './scan';
import { FeedChains, type Identify } from './chains';
import { ForkFound, KnownFeeds, recordFork, refuseReplay } from './known';
import { AuthorityFindings } from './authority';
import { keptSlices, startSecondPass, streamsTwice, type SecondPass } from './second-pass';

/** The device names this copy and the file's cards give: for messages and for each feed's gemeente. */
function identifyWith(checked: SenderCheckResult): Identify {
  return (author) => {
    const known = checked.trustedAuthor(author);
    const card = checked.cards.get(author)?.card;
    return { gemeente: known?.gemeente ?? card?.gemeente, deviceLabel: known?.deviceLabel ?? card?.deviceLabel };
  };
}

/** Stages open and authenticate: the file, its sender checked against this copy (throws to refuse). */
async function openAndAuthenticate(db: Db, me: LocalIdentity, path: string): Promise<{ source: PlanSource; sender: Sender; checked: SenderCheckResult }> {
  const source = await openPlanSource(path, me);
  try {
    let checked: SenderCheckResult | undefined;
    const sender = await authenticateSender(source, (header, cards) => void (checked = checkSender(db, header, cards)));
    refuseStrippedSeal(source, sender.header);
    return { source, sender, checked: checked! };
  } catch (err) {
    await source.close();
    throw err;
  }
}

/**
 * Previews (commit false: the real import, rolled back) or imports a plan file. Memory stays a few slices
 * whatever the file's size, apart from a small file (or no worker thread), whose decoded slices the first
 * pass keeps for the second.
 */
export async function importPlanFile(db: Db, me: LocalIdentity, path: string, commit: boolean): Promise<ImportPreview> {
  const { source, sender, checked } = await openAndAuthenticate(db, me, path);
  let second: SecondPass | null = null;
  try {
    refuseReplay(db, sender.fileId, checked.senderName);
    second = streamsTwice(source.size) ? await startSecondPass() : null;
    const kept: DecodedSlice[] | undefined = second ? undefined : [];
    // First pass: decode, and verify chains and checkpoints.
    const chains = new FeedChains(identifyWith(checked), Date.now());
    const end = await scanPlan(source.path, source.size, (slice) => {
      for (const e of slice.entries) chains.add(e);
      kept?.push(slice);
    });
    if (end.digest !== sender.fileId) throw new PlanFileError(FILE_CHANGED);
    const plan: ReadPlan = { fileId: end.digest, header: end.header, cards: end.cards, entryCount: chains.entries, feeds: chains.finish(end.checkpoints) };
    // Second pass: compare, check authority, and preview or apply.
    const slices = second ? second.stream(source.path, source.size) : keptSlices(kept!, end.digest);
    try {
      return runImport(db, me, plan, slices, commit);
    } catch (err) {
      if (err instanceof ForkFound) recordFork(db, err.fork);
      throw err;
    } finally {
      slices.close();
    }
  } finally {
    second?.close();
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
    const authority = new AuthorityFindings();
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
