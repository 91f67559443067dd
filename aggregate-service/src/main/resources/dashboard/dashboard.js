// newsflow dashboard: polls the aggregate-service API every two seconds.
// Article text is only ever set through textContent, never parsed as HTML.
(function () {
  'use strict';
  const POLL_MS = 2000;
  const QUALIFIER = { EXACT: '', MORE_THAN: 'more than ', AT_LEAST: 'at least ', APPROXIMATE: 'about ',
    AT_MOST: 'up to ', LESS_THAN: 'fewer than ', RANGE: '' };
  let selected = decodeURIComponent(location.hash.slice(1)) || null;
  let previous = null;
  const chart = window.echarts ? echarts.init(document.getElementById('trend')) : null;

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function fmt(n) { return Number(n).toLocaleString('en-US'); }
  function day(iso) { return iso ? iso.slice(0, 10) : '–'; }
  // The sentence a figure came from, linked to its article when the article has a web address.
  function sentence(f) {
    const text = '“' + f.text + '”' + (f.outlet ? ' (' + f.outlet + ')' : '');
    if (!f.url || !/^https?:\/\//i.test(f.url)) return el('span', text, 'quote');
    const a = el('a', text, 'quote');
    a.href = f.url;
    a.rel = 'noopener noreferrer';
    a.target = '_blank';
    return a;
  }
  function figure(f) {
    if (!f) return '–';
    if (f.qualifier === 'RANGE' && f.valueMax !== null) return fmt(f.valueMin) + '–' + fmt(f.valueMax);
    return QUALIFIER[f.qualifier] + fmt(f.value);
  }
  async function json(url) {
    const r = await fetch(url, { cache: 'no-store' });
    if (!r.ok) throw new Error(url + ' answered ' + r.status);
    return r.json();
  }

  function renderActors(rows) {
    const body = document.querySelector('#actors tbody');
    body.replaceChildren();
    rows.forEach(a => {
      const tr = el('tr');
      tr.dataset.id = a.id;
      if (a.id === selected) tr.className = 'selected';
      tr.append(el('td', a.name), el('td', a.type.toLowerCase().replace('_', ' ')), el('td', fmt(a.articles), 'num'),
        el('td', fmt(a.mentions), 'num'), el('td', day(a.lastSeen)));
      tr.addEventListener('click', () => select(a.id));
      body.append(tr);
    });
    if (!selected && rows.length) select(rows[0].id);
  }

  function renderActor(a, timeline) {
    document.getElementById('actor-name').textContent = a.name;
    document.getElementById('actor-meta').textContent = a.type.toLowerCase().replace('_', ' ')
      + (a.affiliation ? ' · ' + a.affiliation : '') + ' · ' + fmt(a.articles) + ' articles · first seen '
      + day(a.firstSeen) + ' · last seen ' + day(a.lastSeen);
    const body = document.querySelector('#figures tbody');
    body.replaceChildren();
    if (!a.casualties.length) {
      const tr = el('tr');
      const td = el('td', 'no casualty figure reported about this actor', 'quote');
      td.colSpan = 6;
      tr.append(td);
      body.append(tr);
    }
    a.casualties.forEach(c => {
      const tr = el('tr');
      const quote = el('td');
      quote.append(sentence(c.latest));
      if (c.latest.claimedBy) quote.append(el('span', ' — claimed by ' + c.latest.claimedBy));
      const claims = el('td', null, 'claims');
      (c.latestByClaimant || []).forEach(f => claims.append(el('div', (f.claimedBy || 'none stated') + ': ' + figure(f))));
      tr.append(el('td', c.type.toLowerCase().replaceAll('_', ' ')), el('td', figure(c.latest), 'figure'),
        el('td', figure(c.highest), 'figure'), el('td', fmt(c.reports) + (c.outlets ? ' · ' + fmt(c.outlets) + ' outlets' : ''), 'num'), claims, quote);
      body.append(tr);
    });
    const co = document.getElementById('co-actors');
    co.replaceChildren();
    a.coActors.slice(0, 12).forEach(c => {
      const li = el('li', c.name + ' · ' + c.articles);
      li.addEventListener('click', () => select(c.id));
      co.append(li);
    });
    if (chart) {
      chart.setOption({
        animation: false,
        grid: { left: 40, right: 16, top: 28, bottom: 28 },
        legend: { top: 0 },
        tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: timeline.map(d => d.day) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: 'articles', type: 'bar', data: timeline.map(d => d.articles) },
          { name: 'casualty reports', type: 'line', data: timeline.map(d => Object.values(d.reports).reduce((s, n) => s + n, 0)) }
        ]
      }, true);
    }
  }

  function renderPipeline(p) {
    const secs = previous ? (p.at - previous.at) / 1000 : 0;
    const rate = (now, before) => secs > 0 && before !== undefined ? ((now - before) / secs).toFixed(1) : '0.0';
    const set = (id, v) => { document.getElementById(id).textContent = v; };
    // the raw topic counts every producer (the CLI too); the service's counters only its own HTTP and feeds
    const onTopic = p.ingest.onTopic >= 0;
    set('raw-total', onTopic ? fmt(p.ingest.onTopic) : '–');
    set('ingest-rate', onTopic ? rate(p.ingest.onTopic, previous && previous.ingest.onTopic) : '–');
    set('ingest-total', p.ingest.up ? fmt(p.ingest.published) : 'down');
    set('ingest-rejected', p.ingest.up ? fmt(p.ingest.rejected) : '–');
    set('enrich-total', p.enrich.up ? fmt(p.enrich.enriched) : 'down');
    set('enrich-dlq', p.enrich.up ? fmt(p.enrich.dlq) : '–');
    set('enrich-lag', p.enrich.up ? fmt(p.enrich.lag) : '–');
    set('enrich-rate', p.enrich.up ? rate(p.enrich.enriched, previous && previous.enrich.enriched) : '–');
    set('aggregate-total', fmt(p.aggregate.aggregated));
    set('aggregate-dlq', fmt(p.aggregate.dlq));
    set('aggregate-rate', rate(p.aggregate.aggregated, previous && previous.aggregate.aggregated));
    set('e2e-p50', (p.aggregate.endToEndP50 * 1000).toFixed(0) + ' ms');
    set('e2e-p99', (p.aggregate.endToEndP99 * 1000).toFixed(0) + ' ms');
    previous = p;
  }

  async function refresh() {
    const status = document.getElementById('status');
    try {
      const sort = document.getElementById('sort').value;
      renderActors(await json('/actors?limit=25&sort=' + encodeURIComponent(sort)));
      if (selected) {
        const id = encodeURIComponent(selected);
        const [actor, timeline] = await Promise.all([json('/actors/' + id), json('/actors/' + id + '/timeline')]);
        renderActor(actor, timeline);
      }
      renderPipeline(await json('/pipeline'));
      status.textContent = 'updated ' + new Date().toLocaleTimeString();
    } catch (e) {
      status.textContent = 'waiting for data (' + e.message + ')';
    }
  }

  function select(id) {
    selected = id;
    history.replaceState(null, '', '#' + encodeURIComponent(id));
    refresh();
  }

  document.getElementById('sort').addEventListener('change', refresh);
  window.addEventListener('resize', () => chart && chart.resize());
  refresh();
  setInterval(refresh, POLL_MS);
})();
