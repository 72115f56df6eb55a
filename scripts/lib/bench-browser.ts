import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { chromium, type Browser } from '@playwright/test';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium as the benchmarks run it: headless, WebGPU allowed, no background traffic. */
export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--enable-unsafe-webgpu',
      '--disable-background-networking',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}

/** The machine a benchmark ran on, printed with its figures. */
export function machine(): { cpu: string | undefined; cores: number; chromium: string } {
  const version = execFileSync(executablePath, ['--version'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return { cpu: cpus()[0]?.model, cores: cpus().length, chromium: version.toString().trim() };
}

/** Progress for long runs goes to stderr; the JSON result is the last line of stdout. */
export const log = (message: string): void => {
  process.stderr.write(`${message}\n`);
};
