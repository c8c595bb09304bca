// `npm run bench:postbus [-- --gemeenten 25 --weeks 52]`: the postbus simulation at region scale, both
// topologies; prints the figures the README quotes and writes them to bench-postbus-results.json.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { simulate, type Topology } from './postbus-sim';

const { values } = parseArgs({ options: { gemeenten: { type: 'string', default: '25' }, weeks: { type: 'string', default: '52' }, topology: { type: 'string' } } });
const results = [];
for (const topology of (values.topology ? [values.topology] : ['direct', 'relay']) as Topology[]) {
  const r = await simulate({
    gemeenten: Number(values.gemeenten),
    weeks: Number(values.weeks),
    topology,
    onWeek: (w) => console.log(`${topology} week ${w.week + 1}: ${w.rounds} ronde(s), ${w.files} bestanden, ${w.bytes} bytes (${w.seconds.toFixed(0)} s)`),
  });
  const rounds = r.roundsPerWeek;
  console.log(
    `${topology}: ${r.gemeenten} gemeenten, ${r.weeks} weken, ${r.changes} wijzigingen; ${r.converged ? 'één controlegetal' : 'NIET gelijk'}; ` +
      `rondes per week gem. ${(rounds.reduce((s, x) => s + x, 0) / rounds.length).toFixed(2)}, max ${Math.max(...rounds)}; ` +
      `bestanden per gemeente per week mediaan ${r.filesPerGemeenteWeek.median}, gem. ${r.filesPerGemeenteWeek.mean.toFixed(1)}, max ${r.filesPerGemeenteWeek.max}; ` +
      `bytes per gemeente per week mediaan ${Math.round(r.bytesPerGemeenteWeek.median)}, gem. ${Math.round(r.bytesPerGemeenteWeek.mean)}, max ${r.bytesPerGemeenteWeek.max}; ` +
      `bestanden over: ${r.filesLeft}; ${r.seconds.toFixed(0)} s`,
  );
  results.push(r);
}
writeFileSync('bench-postbus-results.json', JSON.stringify(results, null, 2) + '\n');
