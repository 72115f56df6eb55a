import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const FIXTURE = 'fixtures/models/private-recs/tiny-bert';

/** Every file under `root`, as paths relative to it. */
function files(root: string, under = ''): string[] {
  return readdirSync(join(root, under), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(root, join(under, entry.name)) : [join(under, entry.name)],
  );
}

describe('the committed tiny-bert fixture', () => {
  it('is exactly what `npm run models:fixture` makes from the committed catalogues', () => {
    const out = mkdtempSync(join(tmpdir(), 'tiny-bert-'));
    try {
      execFileSync('npx', ['tsx', 'scripts/make-tiny-model.ts', '--out', out], { stdio: 'pipe' });
      const made = files(out).sort();
      expect(made).toEqual(files(FIXTURE).sort());
      for (const file of made) {
        const same = readFileSync(join(out, file)).equals(readFileSync(join(FIXTURE, file)));
        // A changed catalogue changes the vocabulary: run `npm run models:fixture` and commit.
        expect(same, file).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
