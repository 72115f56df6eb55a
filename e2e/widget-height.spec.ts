import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, PARTITIONED_STORAGE } from './support/browser';
import { probeIsolated } from './support/probe';
import { report } from './support/report';
import {
  HOSTS,
  isolatedFrame,
  readCards,
  widgetFromOtherOrigin,
  WidgetShop,
} from './support/widget-shop';

const FAMILY = 'PrivateRecs Tall';

/**
 * A fontconfig file that adds e2e/fixtures/fonts (a DejaVu Sans whose normal line height is 2 em,
 * written by make-tall-font.py there) to the system fonts. A cross-origin frame cannot load the
 * host's web fonts: a font reaches it only by name, through `--private-recs-font`, as an
 * installed font, which is what this makes it for one browser.
 */
function fontconfig(): string {
  const dir = mkdtempSync(join(tmpdir(), 'private-recs-fonts-'));
  const file = join(dir, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${resolve('e2e/fixtures/fonts')}</dir>
  <cachedir>${dir}</cachedir>
</fontconfig>
`,
  );
  return file;
}

test('isolated mode: with a font of tall metrics the frame height still says nothing', async () => {
  test.setTimeout(180_000);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...PARTITIONED_STORAGE],
    env: { ...process.env, FONTCONFIG_FILE: fontconfig() },
  });
  const seen: { states: string[]; height: string }[] = [];
  let itemId = '';
  for (const engaged of [false, true]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await widgetFromOtherOrigin(page);
    const shop = new WidgetShop(page, HOSTS.shop);
    await shop.open('isolated.html');
    const frame = await isolatedFrame(shop.strip('picks'));
    itemId ||= (await readCards(frame.locator('private-recs')))[0]?.itemId ?? '';
    // The font is installed and tall: a line of it is about 2 em high where the frame lays out.
    const lineHeight = await frame.evaluate((family) => {
      const span = document.createElement('span');
      span.style.font = `20px '${family}'`;
      span.textContent = 'Tall';
      document.body.append(span);
      const height = span.getBoundingClientRect().height;
      span.remove();
      return height / 20;
    }, FAMILY);
    expect(lineHeight).toBeGreaterThan(1.8);
    // Bought and disliked: the probe has nothing to show, so it lays out a placeholder.
    if (engaged) await shop.track('purchase', [itemId]);
    if (engaged) await shop.track('dislike', [itemId]);
    seen.push(await probeIsolated(page, itemId, `--private-recs-font: '${FAMILY}'`));
    await context.close();
  }
  await browser.close();
  expect(seen[0]?.height).not.toBe('');
  // A card and a placeholder are the same height: nothing tells the host which one it shows.
  expect(seen[1]).toEqual(seen[0]);
  report({
    area: 'widget',
    tried: 2,
    kinds: { 'font with a 2 em normal line height': 1 },
    outcome: `isolated frame: the same states and height (${seen[0]?.height ?? ''}) whether it shows a card or a placeholder`,
  });
});
