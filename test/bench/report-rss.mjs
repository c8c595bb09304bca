// Preloaded into a `regie` process by the benchmark: reports the process's peak memory when it ends.
import process from 'node:process';

process.on('exit', () => process.stderr.write(`REGIE_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`));
