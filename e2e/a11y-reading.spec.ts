import { expect, expectNoSeriousA11yViolations, test } from './fixtures/test';

// The shared axe check on a page of its own (no host): what it does when a timer starts a fade while
// axe reads the page, as a snackbar hiding itself does.

const PAGE = `<!doctype html><html lang="en"><head><title>Reading</title></head><body>
<main><h1>Reading</h1><p id="notice" style="color:#595959;background:#fff;transition:opacity 300ms linear">Saved</p></main>
<script>
  let readings = 0;
  let fading = false;
  // The check marks each reading by setting this flag to false; the first one starts the fade.
  Object.defineProperty(window, 'liaisonAnimated', {
    configurable: true,
    get: () => window.__animated ?? false,
    set: (value) => {
      window.__animated = value;
      if (value !== false) return;
      readings += 1;
      window.__readings = readings;
      if (fading) return;
      fading = true;
      setTimeout(() => {
        const notice = document.getElementById('notice');
        notice.addEventListener('transitionend', () => notice.remove());
        notice.style.opacity = '0.15';
      }, 0);
    },
  });
</script></body></html>`;

test('a fade that starts while axe reads the page is read again once the page has settled', async ({ page }) => {
  await page.setContent(PAGE);
  await expectNoSeriousA11yViolations(page, 'a page whose notice fades out during the first reading');
  // The first reading saw the fade start (half-faded text fails contrast), so it did not count.
  expect(await page.evaluate(() => (window as unknown as { __readings: number }).__readings)).toBe(2);
  await expect(page.locator('#notice')).toHaveCount(0);
});

test('a progress bar moving while axe reads the page does not void the reading', async ({ page }) => {
  await page.setContent(`<!doctype html><html lang="en"><head><title>Progress</title></head><body><main>
    <h1>Progress</h1><div id="bar" style="height:4px;width:100px;background:#1e3a8a;transition:transform 40ms linear"></div>
    <script>
      window.__moves = 0;
      document.addEventListener('transitionrun', () => (window.__moves += 1));
      setInterval(() => {
        const bar = document.getElementById('bar');
        bar.style.transform = bar.style.transform ? '' : 'translateX(10px)';
      }, 20);
    </script></main></body></html>`);
  // Settling would wait for the transform too, so this reads at once: one reading, and it stands.
  await expectNoSeriousA11yViolations(page, 'a page with a moving bar', { settle: false });
  const after = await page.evaluate(() => {
    const marks = window as unknown as { liaisonAnimated: boolean; __moves: number };
    return { animated: marks.liaisonAnimated, moved: marks.__moves > 0 };
  });
  expect(after).toEqual({ animated: false, moved: true });
});
