// Plain-Dutch text of an import preview, for the command line: the same narrative the screen shows.
import type { ImportPreview, VerifyResult } from '../../shared/api/exchange';
import { narrativeText } from '../../shared/i18n/narrative-messages';
import { plural } from '../../shared/i18n/plural';

const n = (count: number, one: string, other: string) => plural('nl', count, { one, other });

export function previewText(p: ImportPreview, own: string): string {
  const lines: string[] = [];
  const created = new Date(p.created).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'medium', timeStyle: 'short' });
  lines.push(`Planbestand van ${p.sender.gemeenteName} (${p.sender.device}), gemaakt ${created}.`);
  const story = narrativeText(p, own, 'nl');
  if (story) lines.push(story);
  // Changes a revocation in this file took back out of the plan (issue 15).
  for (const u of p.undone ?? []) lines.push(`Ongedaan gemaakt: wijziging nr. ${u.seq} van ${u.gemeenteName} (${u.device}): ${u.reason}.`);
  if (p.applied) lines.push(`Ingelezen: ${n(p.entries.new, 'wijziging', 'wijzigingen')} verwerkt. Controlegetal van de planning: ${p.stateHashAfter}`);
  else if (p.stateHashBefore === p.stateHashAfter && p.entries.new === 0) lines.push('Dit bestand verandert niets aan uw planning.');
  else lines.push('Er is nog niets gewijzigd. Lees in met --yes om dit toe te passen.');
  return lines.join('\n');
}

export function verifyText(v: VerifyResult): string {
  const head = `Planbestand van ${v.sender.gemeenteName} (${v.sender.device}), ${v.created.slice(0, 10)}: ${n(v.entries, 'wijziging', 'wijzigingen')} van ${n(v.feeds, 'apparaat', 'apparaten')}.`;
  return v.valid ? `${head}\nGeldig: handtekeningen, ketens en bevoegdheden kloppen.` : `${head}\n${v.problems.join('\n')}`;
}
