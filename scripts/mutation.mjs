// `pnpm test:mutation [target ...]`: StrykerJS, one target (folder) at a time, so a shared two-core machine is never
// swamped. Targets are listed in mutation/stryker.config.mjs; with none given, every target runs in turn. Prints the
// mutation score per target at the end (reports/mutation/<target>.json and .html hold the details).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { TARGETS } from '../mutation/stryker.config.mjs';

const wanted = process.argv.slice(2).filter((arg) => arg !== '--');
const unknown = wanted.filter((name) => !(name in TARGETS));
if (unknown.length > 0) {
  console.error(`Unknown target(s): ${unknown.join(', ')}. Targets: ${Object.keys(TARGETS).join(', ')}`);
  process.exit(2);
}
const names = wanted.length > 0 ? wanted : Object.keys(TARGETS);
const scores = [];
for (const name of names) {
  console.log(`\n=== mutation: ${name} ===`);
  const run = spawnSync('npx', ['stryker', 'run', 'mutation/stryker.config.mjs'], {
    stdio: 'inherit',
    env: { ...process.env, MUTATION_TARGET: name },
  });
  if (run.status !== 0) process.exitCode = run.status ?? 1;
  scores.push([name, score(name)]);
}
console.log('\nmutation score per target (killed + timeout) / (all valid mutants):');
for (const [name, value] of scores) console.log(`  ${name.padEnd(22)} ${value}`);

function score(name) {
  try {
    const report = JSON.parse(readFileSync(`reports/mutation/${name}.json`, 'utf8'));
    let detected = 0;
    let valid = 0;
    for (const file of Object.values(report.files)) {
      for (const mutant of file.mutants) {
        if (['Killed', 'Timeout'].includes(mutant.status)) detected++;
        if (['Killed', 'Timeout', 'Survived', 'NoCoverage'].includes(mutant.status)) valid++;
      }
    }
    return valid === 0 ? 'n/a' : `${((100 * detected) / valid).toFixed(1)} % (${detected}/${valid})`;
  } catch {
    return 'no report';
  }
}
