// Opens the quality page in Debian's headless chromium (puppeteer-core) and checks it against
// the warehouse: no console error and no network request, every chart drawn (an ECharts
// instance whose canvas has painted pixels), and every number of every chart's option, and of
// the table beside it, equal to what the test's own SQL (sqlite3 CLI) returns.
// Usage: node check_quality_page.js PAGE.html WAREHOUSE.db
'use strict';
const { execFileSync } = require('child_process');
const path = require('path');
const puppeteer = require('puppeteer-core');

const [page_path, db] = process.argv.slice(2);
const failures = [];
const fail = (msg) => failures.push(msg);

function sql(query) {
  const out = execFileSync('sqlite3', ['-json', db, query], { encoding: 'utf8' });
  return out.trim() ? JSON.parse(out) : [];
}

// The warehouse's numbers, by chart: {key: category key, s: series key, n: number or null}.
function expected() {
  const cols = sql("SELECT name FROM pragma_table_info('mart_findings')").map((r) => r.name);
  const state = cols.includes('review_state') ? 'review_state' : "'open'";
  const apps = ['new_total', 'outcome_open', 'outcome_partial', 'outcome_denied', 'outcome_total'];
  const app_rows = [];
  for (const r of sql('SELECT COALESCE(county, \'\') AS k, ' +
                      apps.map((c) => `SUM(${c}) AS ${c}`).join(', ') +
                      ' FROM mart_unit_year GROUP BY 1'))
    for (const c of apps) app_rows.push({ key: r.k, s: c, n: r[c] });
  const run_rows = [];
  for (const r of sql('SELECT run_id, loaded, skipped, failed, missing, findings FROM run ' +
                      'ORDER BY run_id DESC LIMIT 10'))
    for (const c of ['loaded', 'skipped', 'failed', 'missing', 'findings'])
      run_rows.push({ key: String(r.run_id), s: c, n: r[c] });
  return {
    coverage: sql("SELECT COALESCE(r.county, '') AS key, CAST(r.year AS TEXT) AS s, COUNT(*) AS n " +
                  "FROM report r WHERE r.report_id IN (SELECT report_id FROM stg_report) " +
                  'GROUP BY 1, 2'),
    findings: sql(`SELECT kind AS key, ${state} AS s, COUNT(*) AS n FROM mart_findings GROUP BY 1, 2`),
    rules: sql('SELECT x.rule_key AS key, x.status AS s, COUNT(*) AS n FROM rule_result x ' +
               'WHERE x.report_id IN (SELECT report_id FROM stg_report) GROUP BY 1, 2'),
    applications: app_rows,
    top_units: sql("SELECT COALESCE(county, '') || char(31) || unit || char(31) || year AS key, " +
                   `${state} AS s, COUNT(*) AS n FROM mart_findings WHERE unit IS NOT NULL ` +
                   'GROUP BY 1, 2'),
    runs: run_rows,
  };
}

(async () => {
  const want = expected();
  if (!want.findings.some((r) => r.s !== 'open'))
    fail('the warehouse has no reviewed finding: the review states are not exercised');
  const browser = await puppeteer.launch({
    executablePath: process.env.GONGKAI_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 1000 });
    page.on('console', (m) => { if (m.type() === 'error') fail('console error: ' + m.text()); });
    page.on('pageerror', (e) => fail('page error: ' + e.message));
    await page.setRequestInterception(true);
    page.on('request', (r) => {
      if (r.url().startsWith('file:') || r.url().startsWith('data:')) return r.continue();
      fail('network request: ' + r.url());
      return r.abort();
    });
    await page.goto('file://' + path.resolve(page_path), { waitUntil: 'load' });
    const got = await page.evaluate(() => {
      const out = {};
      for (const c of window.gongkaiData.charts) {
        const inst = window.gongkaiCharts && window.gongkaiCharts[c.id];
        const canvas = document.querySelector('#chart-' + c.id + ' canvas');
        let painted = 0;
        if (canvas && canvas.width > 0) {
          const px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
          for (let i = 3; i < px.length; i += 4) if (px[i] > 0) ++painted;
        }
        const opt = inst ? inst.getOption() : null;
        // Every bar with a value > 0 has a layout of non-zero length (bars are horizontal), and,
        // when it is at least 3 px long (a small value beside a large one may be shorter), the
        // canvas is painted at its centre.
        let bars = 0, bars_missing = [];
        if (inst && canvas) {
          const ctx = canvas.getContext('2d');
          const ratio = canvas.width / canvas.clientWidth;
          c.series.forEach((s, j) => s.data.forEach((v, i) => {
            if (!(v > 0)) return;
            const l = inst.getModel().getSeriesByIndex(j).getData().getItemLayout(i);
            const x = Math.round((l.x + l.width / 2) * ratio);
            const y = Math.round((l.y + l.height / 2) * ratio);
            const alpha = ctx.getImageData(x, y, 1, 1).data[3];
            if (l && l.width !== 0 && (Math.abs(l.width) < 3 || alpha > 0)) ++bars;
            else bars_missing.push(c.keys[i] + '|' + s.key);
          }));
        }
        const cells = {};
        for (const td of document.querySelectorAll('#table-' + c.id + ' td[data-series]'))
          cells[td.dataset.series + '|' + td.dataset.index] = td.textContent;
        out[c.id] = {
          keys: c.keys, stack: c.stack, painted, bars, bars_missing,
          series_keys: c.series.map((s) => s.key),
          categories: c.categories,
          axis: opt ? opt.yAxis[0].data : null,
          series: opt ? opt.series.map((s) => ({ name: s.name, data: s.data })) : null,
          names: c.series.map((s) => s.name),
          cells,
        };
      }
      return out;
    });
    const ids = ['coverage', 'findings', 'rules', 'applications', 'top_units', 'runs'];
    if (JSON.stringify(Object.keys(got)) !== JSON.stringify(ids))
      fail('charts ' + JSON.stringify(Object.keys(got)) + ', want ' + JSON.stringify(ids));
    for (const id of ids) {
      const g = got[id];
      if (!g) continue;
      if (!g.series) { fail(id + ': no ECharts instance'); continue; }
      if (g.painted < 500) fail(`${id}: canvas not drawn (${g.painted} painted pixels)`);
      if (g.bars_missing.length) fail(`${id}: bars not drawn: ${g.bars_missing.join(', ')}`);
      if (JSON.stringify(g.axis) !== JSON.stringify(g.categories)) fail(id + ': x axis differs');
      if (JSON.stringify(g.series.map((s) => s.name)) !== JSON.stringify(g.names))
        fail(id + ': series names differ');
      // The chart's numbers, by category key and series key.
      const shown = new Map();
      g.keys.forEach((k, i) => g.series_keys.forEach((s, j) => {
        const v = g.series[j].data[i];
        shown.set(k + '|' + s, v === undefined || v === '-' ? null : v);
        const cell = g.cells[s + '|' + i];
        const text = v === null || v === undefined ? '—' : String(v);
        if (cell !== text) fail(`${id} table ${k}|${s}: '${cell}', chart ${text}`);
      }));
      const rows = want[id];
      const by_key = new Map(rows.map((r) => [r.key + '|' + r.s, r.n]));
      let keys = [...new Set(rows.map((r) => r.key))];
      if (id === 'top_units') {
        const total = (k) => rows.filter((r) => r.key === k).reduce((a, r) => a + r.n, 0);
        if (g.keys.length !== Math.min(10, keys.length))
          fail(`top_units: ${g.keys.length} units shown of ${keys.length}`);
        const least = Math.min(...g.keys.map(total));
        for (const k of keys)
          if (!g.keys.includes(k) && total(k) > least) fail(`top_units: ${k} (${total(k)}) left out`);
        keys = g.keys;
      } else if (JSON.stringify([...keys].sort()) !== JSON.stringify([...g.keys].sort())) {
        fail(`${id}: categories ${JSON.stringify(g.keys)}, warehouse ${JSON.stringify(keys)}`);
      }
      const none = id === 'applications' ? null : 0;  // a COUNT not returned is 0
      for (const k of keys)
        for (const s of g.series_keys) {
          const w = by_key.has(k + '|' + s) ? by_key.get(k + '|' + s) : none;
          const v = shown.has(k + '|' + s) ? shown.get(k + '|' + s) : 'absent';
          if (v !== w) fail(`${id} ${k}|${s}: page ${v}, warehouse ${w}`);
        }
      for (const r of rows)
        if (keys.includes(r.key) && !g.series_keys.includes(r.s))
          fail(`${id}: series ${r.s} missing`);
      console.log(`${id}: ${g.keys.length} categories x ${g.series_keys.length} series, ` +
                  `${g.bars} bars drawn, ${g.painted} painted pixels`);
    }
  } finally {
    await browser.close();
  }
  if (failures.length) {
    for (const f of failures) console.error('FAIL ' + f);
    process.exit(1);
  }
  console.log('quality page: every chart drawn and equal to the warehouse');
})().catch((e) => { console.error(e); process.exit(1); });
