// Plain-Dutch text of an import preview, for the command line.
import type { ImportPreview, VerifyResult } from '../../shared/api/exchange';

const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export function previewText(p: ImportPreview): string {
  const lines: string[] = [];
  lines.push(`Planbestand van ${p.sender.gemeenteName} (${p.sender.device}), gemaakt ${p.created.slice(0, 16).replace('T', ' ')} UTC.`);
  lines.push(`${n(p.entries.inFile, 'wijziging', 'wijzigingen')} in het bestand: ${p.entries.new} nieuw, ${p.entries.alreadyKnown} al bekend.`);
  for (const g of p.perGemeente) {
    const parts = [
      g.created && n(g.created, 'nieuw record', 'nieuwe records'),
      g.changed && n(g.changed, 'gewijzigd', 'gewijzigd'),
      g.unchanged && `${g.unchanged} al bijgewerkt door nieuwere wijzigingen`,
      g.rejected && n(g.rejected, 'geweigerde wijziging', 'geweigerde wijzigingen'),
    ].filter(Boolean);
    lines.push(`  ${g.gemeenteName}: ${parts.join(', ') || 'niets'}.`);
  }
  for (const r of p.rejected) lines.push(`  Geweigerd: wijziging nr. ${r.seq} van ${r.gemeenteName}: ${r.reason}. Bewaard voor controle, niet toegepast.`);
  for (const h of p.held) lines.push(`  Wacht op vertrouwen: ${n(h.count, 'wijziging', 'wijzigingen')} van ${h.gemeenteName} (${h.device}). Lees de identiteitskaart van dat apparaat in om ze te verwerken.`);
  for (const k of p.parked) {
    const range = k.missingFrom === k.missingTo ? `${k.missingFrom}` : `${k.missingFrom}-${k.missingTo}`;
    lines.push(`  Geparkeerd: ${k.gemeenteName} ${k.from}-${k.to}; nodig: ${k.gemeenteName} ${range}. Wordt verwerkt zodra die wijzigingen binnen zijn.`);
  }
  for (const c of p.conflicts) lines.push(`  Conflict: ${c.message}`);
  for (const v of p.violations) lines.push(`  ${v.severity === 'blocking' ? 'Regel overtreden' : 'Waarschuwing'}: ${v.message}`);
  if (p.applied) lines.push(`Ingelezen. Controlegetal van de planning: ${p.stateHashAfter}`);
  else if (p.stateHashBefore === p.stateHashAfter && p.entries.new === 0) lines.push('Dit bestand verandert niets aan uw planning.');
  else lines.push('Er is nog niets gewijzigd. Lees in met --yes om dit toe te passen.');
  return lines.join('\n');
}

export function verifyText(v: VerifyResult): string {
  const head = `Planbestand van ${v.sender.gemeenteName} (${v.sender.device}), ${v.created.slice(0, 10)}: ${n(v.entries, 'wijziging', 'wijzigingen')} van ${n(v.feeds, 'apparaat', 'apparaten')}.`;
  return v.valid ? `${head}\nGeldig: handtekeningen, ketens en bevoegdheden kloppen.` : `${head}\n${v.problems.join('\n')}`;
}
