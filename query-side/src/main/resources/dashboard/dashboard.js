'use strict';
// The analysts' dashboard. The page signs in with POST /v1/sessions and keeps only the access token,
// in sessionStorage (gone with the tab; no cookie, so nothing for another site to ride on). When the
// token expires, the API answers 401 and the page asks to sign in again. docs/analytics.md.

const TOKEN = 'keel.dashboard.accessToken';
const DEVICE = 'keel.dashboard.deviceId';
const charts = {};

function deviceId() {
  let id = localStorage.getItem(DEVICE);
  if (!id) {
    id = 'dashboard-' + crypto.randomUUID();
    localStorage.setItem(DEVICE, id);
  }
  return id;
}

function showSignIn(message) {
  sessionStorage.removeItem(TOKEN);
  document.getElementById('reports').hidden = true;
  document.getElementById('sign-in').hidden = false;
  document.getElementById('sign-in-error').textContent = message || '';
}

function showReports() {
  document.getElementById('sign-in').hidden = true;
  document.getElementById('reports').hidden = false;
  return refresh();
}

async function signIn(event) {
  event.preventDefault();
  const response = await fetch('/v1/sessions', {
    method: 'POST',
    headers: {'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID()},
    body: JSON.stringify({
      email: document.getElementById('email').value,
      password: document.getElementById('password').value,
      deviceId: deviceId()
    })
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    showSignIn(body.detail || 'Sign-in failed (' + response.status + ')');
    return;
  }
  sessionStorage.setItem(TOKEN, body.accessToken);
  document.getElementById('password').value = '';
  await showReports();
}

class Refused extends Error {}

async function api(path, parameters) {
  const response = await fetch(path + '?' + new URLSearchParams(parameters), {
    headers: {Authorization: 'Bearer ' + sessionStorage.getItem(TOKEN)}
  });
  if (response.status === 401) {
    showSignIn('Your session has ended; sign in again.');
    throw new Refused();
  }
  const body = await response.json();
  if (response.status === 403) {
    showSignIn('This account is neither ANALYST nor STAFF.');
    throw new Refused();
  }
  if (!response.ok) {
    throw new Error(body.detail || 'HTTP ' + response.status);
  }
  return body;
}

// A link may name an exact period: /dashboard?from=<instant>&to=<instant>&interval=week. Used until the
// form is submitted.
let linked = new URLSearchParams(location.search);

function period() {
  if (linked.get('from') && linked.get('to')) {
    return {from: linked.get('from'), to: linked.get('to')};
  }
  const from = document.getElementById('from').value;
  const to = new Date(document.getElementById('to').value + 'T00:00:00Z');
  to.setUTCDate(to.getUTCDate() + 1);
  return {from: from + 'T00:00:00Z', to: to.toISOString()};
}

/** Minor units to the currency's major units (2 decimals for EUR, none for JPY). */
function major(amountMinor, currency) {
  const digits = new Intl.NumberFormat('en', {style: 'currency', currency}).resolvedOptions().maximumFractionDigits;
  return amountMinor / Math.pow(10, digits);
}

function draw(id, type, labels, datasets, options) {
  if (charts[id]) {
    charts[id].destroy();
  }
  const canvas = document.getElementById(id);
  canvas.dataset.labels = JSON.stringify(labels);
  canvas.dataset.values = JSON.stringify(datasets.map(set => ({label: set.label, data: set.data})));
  charts[id] = new Chart(canvas, {type, data: {labels, datasets}, options: Object.assign({
    responsive: true, maintainAspectRatio: false, animation: false}, options || {})});
}

function drawSales(report) {
  const starts = [...new Set(report.buckets.map(bucket => bucket.start))].sort();
  const currencies = [...new Set(report.buckets.map(bucket => bucket.currency))].sort();
  const datasets = currencies.map(currency => ({
    label: 'revenue ' + currency,
    data: starts.map(start => major(report.buckets
        .filter(bucket => bucket.start === start && bucket.currency === currency)
        .reduce((sum, bucket) => sum + bucket.revenueMinor, 0), currency))
  }));
  draw('sales-chart', 'bar', starts.map(start => start.substring(0, 10)), datasets);
}

function drawTop(ranking) {
  const products = ranking.products;
  draw('top-chart', 'bar', products.map(p => p.productName + ' (' + p.currency + ')'),
      [{label: 'revenue', data: products.map(p => major(p.revenueMinor, p.currency))}], {indexAxis: 'y'});
}

function drawStatuses(statuses) {
  const names = Object.keys(statuses.orders);
  draw('status-chart', 'bar', names, [{label: 'orders', data: names.map(name => statuses.orders[name])}]);
  const rows = document.querySelector('#status-table tbody');
  rows.replaceChildren(...names.map(name => {
    const row = document.createElement('tr');
    row.dataset.status = name;
    const label = document.createElement('td');
    label.textContent = name;
    const count = document.createElement('td');
    count.textContent = String(statuses.orders[name]);
    row.append(label, count);
    return row;
  }));
}

async function refresh(event) {
  if (event) {
    event.preventDefault();
    linked = new URLSearchParams();
  }
  const status = document.getElementById('report-status');
  status.textContent = 'Loading…';
  const range = period();
  try {
    const [sales, top, statuses] = await Promise.all([
      api('/v1/analytics/sales', Object.assign({interval: document.getElementById('interval').value}, range)),
      api('/v1/analytics/products/top', Object.assign({by: 'revenue', limit: '10'}, range)),
      api('/v1/analytics/statuses', range)
    ]);
    drawSales(sales);
    drawTop(top);
    drawStatuses(statuses);
    status.textContent = 'Orders placed from ' + range.from + ' until ' + range.to + ' (UTC).';
    document.body.dataset.loaded = range.from + '/' + range.to;
  } catch (error) {
    if (!(error instanceof Refused)) {
      status.textContent = 'Could not load the reports: ' + error.message;
    }
  }
}

function start() {
  const today = new Date();
  const monthAgo = new Date(today.getTime() - 29 * 24 * 3600 * 1000);
  document.getElementById('from').value = monthAgo.toISOString().substring(0, 10);
  document.getElementById('to').value = today.toISOString().substring(0, 10);
  if (linked.get('from') && linked.get('to')) {
    document.getElementById('from').value = linked.get('from').substring(0, 10);
    document.getElementById('to').value = linked.get('to').substring(0, 10);
  }
  if (['day', 'week', 'month'].includes(linked.get('interval'))) {
    document.getElementById('interval').value = linked.get('interval');
  }
  document.getElementById('sign-in-form').addEventListener('submit', signIn);
  document.getElementById('period-form').addEventListener('submit', refresh);
  document.getElementById('sign-out').addEventListener('click', () => showSignIn());
  if (sessionStorage.getItem(TOKEN)) {
    showReports();
  }
}

start();
