// Signs in to the dashboard in headless Chromium and prints what each chart draws, as one line
// "RESULT <json>". Arguments: base URL, email, password, from, to (instants).
import { chromium } from 'playwright-core';

const [base, email, password, from, to] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.KEEL_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', error => errors.push(String(error)));
  page.on('console', message => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('requestfailed', request => errors.push('request failed: ' + request.url()));
  const query = new URLSearchParams({ from, to, interval: 'day' });
  await page.goto(`${base}/dashboard?${query}`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await page.click('#sign-in-form button[type=submit]');
  await page.waitForSelector('body[data-loaded]', { timeout: 60000 });
  const result = await page.evaluate(() => {
    const chart = id => {
      const drawn = Chart.getChart(document.getElementById(id));
      return { labels: drawn.data.labels, datasets: drawn.data.datasets.map(set => ({ label: set.label, data: set.data })) };
    };
    return {
      chartJs: Chart.version,
      sales: chart('sales-chart'),
      top: chart('top-chart'),
      statuses: chart('status-chart'),
      table: [...document.querySelectorAll('#status-table tbody tr')]
        .map(row => [row.dataset.status, Number(row.children[1].textContent)]),
    };
  });
  result.errors = errors;
  console.log('RESULT ' + JSON.stringify(result));
} finally {
  await browser.close();
}
