import { expect, test } from '@playwright/test';
import { Shop } from './support/shop';

test.describe('with a Chinese browser locale', () => {
  test.use({ locale: 'zh-CN' });

  test('the UI is in Chinese: strings, reasons, plurals, numbers, dates and notices', async ({
    page,
  }) => {
    const shop = new Shop(page);
    // An unknown backend makes the page add a notice (code "bad-parameter") to word in Chinese.
    await shop.open('?catalogue=catalogue-zh.json&backend=abacus');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    await expect(page.getByRole('heading', { name: '为你推荐' })).toBeVisible();
    await expect(page.getByRole('button', { name: '搜索' })).toBeVisible();
    await expect(page.getByTestId('language.switch')).toHaveValue('zh-Hans');
    await expect(page.getByTestId('status.items')).toHaveText(/^\d+ 件商品$/);
    // An operator matter: in the diagnostics panel, worded in the page's language.
    await expect(page.locator('[data-diagnostic="bad-parameter"]')).toHaveText(
      /网址中有无法识别的参数/,
    );
    const cards = await shop.cards();
    for (const card of cards) expect(card.reason).toMatch(/热门|换换口味/);
    // A history entry on the data page carries a date in the Chinese style.
    await shop.openItem(cards[0]?.itemId ?? '');
    await shop.press('like');
    await expect(page.getByTestId('app.snackbar')).toContainText('已标记为喜欢');
    await page.getByTestId('nav.privacy').click();
    await expect(page.getByRole('heading', { name: '我的数据' })).toBeVisible();
    const row = page.getByTestId('privacy.history-row').first();
    await expect(row).toContainText('喜欢');
    await expect(row.locator('time')).toHaveText(/\d{4}年\d{1,2}月\d{1,2}日/);
  });

  test('an import with bad lines names them by number in Chinese, not in English words', async ({
    page,
  }) => {
    const shop = new Shop(page);
    await shop.open('?catalogue=catalogue-zh.json');
    const [card] = await shop.cards();
    await page.getByTestId('nav.privacy').click();
    const input = page.getByTestId('privacy.import-input');
    const snackbar = page.getByTestId('app.snackbar');
    await input.setInputFiles({
      name: 'broken.jsonl',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from('this is not json\n{"item":1}\n<script>alert(1)</script>\n'),
    });
    await expect(snackbar).toContainText('这个文件无法导入：第 1、2、3 行不是有效的记录。');
    await expect(snackbar).not.toContainText('line');
    const good = `{"user":"me","item":"${card?.itemId ?? ''}","type":"view","ts":${Date.now()}}`;
    await input.setInputFiles({
      name: 'partly.jsonl',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(`${good}\nnot json\n{"user":"me","item":"x","type":"bogus","ts":1}\n`),
    });
    await expect(snackbar).toContainText(
      '已导入 1 条互动；2 行被拒绝（第 2、3 行不是有效的记录）。',
    );
  });
});

test('the UI is in English by default; the language switch is visible and remembered', async ({
  page,
}) => {
  const shop = new Shop(page);
  await shop.open();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Recommended for you' })).toBeVisible();
  await page.getByTestId('language.switch').selectOption('zh-Hans');
  await expect(page.getByRole('heading', { name: '为你推荐' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  // English catalogue, Chinese UI: reasons are worded in Chinese around the shop's own names.
  for (const card of await shop.cards()) expect(card.reason).toMatch(/热门|换换口味/);
  await page.reload();
  await shop.ready();
  await expect(page.getByRole('heading', { name: '为你推荐' })).toBeVisible();
  await page.getByTestId('language.switch').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Recommended for you' })).toBeVisible();
  await page.reload();
  await shop.ready();
  await expect(page.getByRole('heading', { name: 'Recommended for you' })).toBeVisible();
});
