// newsflow dashboard: polls the aggregate-service API every two seconds.
// Article text is only ever set through textContent, never parsed as HTML.
(function () {
  'use strict';
  const POLL_MS = 2000;
  const QUALIFIER = { EXACT: '', MORE_THAN: 'more than ', AT_LEAST: 'at least ', APPROXIMATE: 'about ',
    AT_MOST: 'up to ', LESS_THAN: 'fewer than ', RANGE: '' };
  const RECENT_ARTICLES = 10;
  const HISTORY_LIMIT = 2000; // reports per claimant chart: the newest, if an actor has more
  let selected = decodeURIComponent(location.hash.slice(1)) || null;
  let previous = null;
  let claimType = null; // the casualty type the claimant chart shows
  let claimsShown = null; // what the claimant chart was drawn from, so an unchanged poll fetches nothing
  let articleShown = null; // the article in the evidence view (kept when it leaves the recent list)
  let articleKey = null; // its id and version, so an unchanged poll keeps the reader's chosen figure
  let recentArticles = []; // the evidence view's list, as last polled
  let refreshing = false; // a poll still waiting for its answers: the next one is skipped, not piled up
  const chart = window.echarts ? echarts.init(document.getElementById('trend')) : null;
  const claimsChart = window.echarts ? echarts.init(document.getElementById('claims')) : null;
  const mapChart = window.echarts ? echarts.init(document.getElementById('map')) : null;
  let worldLoaded = false; // the vendored world map, registered with ECharts once fetched
  let placeFilter = null; // {id, name}: the place the actor's figures are narrowed to, or null
  let placesShown = null; // what the map was drawn from, so an unchanged poll fetches nothing

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function fmt(n) { return Number(n).toLocaleString('en-US'); }
  function words(name) { return name ? name.toLowerCase().replaceAll('_', ' ') : '–'; }
  function time(iso) { return iso ? iso.slice(0, 16).replace('T', ' ') : '–'; }
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
      const tr = el('tr', null, c.type === claimType ? 'selected' : '');
      tr.title = 'chart what each claimant reported';
      tr.addEventListener('click', () => chooseClaimType(c.type));
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

  // Claimant step chart: per claimant ("none stated" included) the value each report gave, held
  // until that claimant's next report, for the selected actor and casualty type.
  function syncClaimTypes(a) {
    const types = a.casualties.map(c => c.type);
    if (!types.includes(claimType)) claimType = types.length ? types[0] : null;
    const select = document.getElementById('claim-type');
    if (select.dataset.types !== types.join()) { // rebuilt only when they change: an open list would close
      select.dataset.types = types.join();
      select.replaceChildren(...types.map(t => { const o = el('option', words(t)); o.value = t; return o; }));
    }
    select.value = claimType || '';
  }
  function chooseClaimType(type) {
    claimType = type;
    refresh();
  }
  // Map: where the actor's reported figures happened, countries shaded by their reports and each
  // town or region a point; clicking one narrows the claimant chart to it.
  async function refreshMap(a) {
    const key = a.id + ' ' + JSON.stringify(a.casualties) + ' ' + (placeFilter ? placeFilter.id : '');
    if (key === placesShown) return;
    const reports = await figureHistory(a.id, null, null); // the map shows every place; the filter narrows the chart
    renderMap(reports.filter(r => r.placeId));
    placesShown = key;
  }
  async function loadWorld() {
    if (worldLoaded || !mapChart) return;
    echarts.registerMap('world', await json('/world.json'));
    worldLoaded = true;
  }
  function placesOf(reports) {
    const byPlace = new Map();
    reports.forEach(r => {
      const p = byPlace.get(r.placeId) || { id: r.placeId, name: r.place, countryId: r.countryId, lat: r.lat, lon: r.lon, reports: 0 };
      p.reports++;
      byPlace.set(r.placeId, p);
    });
    return [...byPlace.values()].sort((x, y) => y.reports - x.reports || x.id.localeCompare(y.id));
  }
  function choosePlace(place) {
    placeFilter = placeFilter && placeFilter.id === place.id ? null : place;
    refresh();
  }
  // From a pale to the accent red as a country's share of the most reports grows (countries without any keep the land colour).
  function shade(share) {
    const from = [244, 215, 211], to = [192, 57, 43];
    return 'rgb(' + from.map((c, i) => Math.round(c + (to[i] - c) * share)).join(',') + ')';
  }
  function renderMap(reports) {
    const places = placesOf(reports);
    const list = document.getElementById('places-list');
    list.replaceChildren(...places.map(p => {
      const li = el('li', p.name + ' (' + p.id + ') · ' + p.reports, placeFilter && placeFilter.id === p.id ? 'selected' : '');
      li.addEventListener('click', () => choosePlace(p));
      return li;
    }));
    if (!places.length) list.append(el('li', 'no figure of this actor says where', 'quote'));
    document.getElementById('place-filter').textContent = placeFilter ? 'claimant chart: in ' + placeFilter.name : 'all places';
    document.getElementById('all-places').hidden = !placeFilter;
    if (!mapChart || !worldLoaded) return;
    const byCountry = new Map();
    reports.forEach(r => byCountry.set(r.countryId, (byCountry.get(r.countryId) || 0) + 1));
    const points = places.filter(p => p.lat !== null && p.lon !== null);
    mapChart.setOption({
      animation: false,
      tooltip: { trigger: 'item', formatter: p => echarts.format.encodeHTML(p.data && p.data.place
        ? p.data.place.name + ': ' + p.data.place.reports + ' report(s)' : (p.name || '') + (p.value ? ': ' + p.value + ' report(s)' : '')) },
      geo: { map: 'world', nameProperty: 'id', roam: true, itemStyle: { areaColor: '#eef0f4', borderColor: '#c9ceda' },
        emphasis: { label: { show: false } },
        regions: [...byCountry].map(([id, n]) => ({ name: id, itemStyle: { areaColor: shade(n / Math.max(...byCountry.values())) } })) },
      series: [
        { type: 'map', geoIndex: 0, data: [...byCountry].map(([id, n]) => ({ name: id, value: n })) },
        { type: 'scatter', coordinateSystem: 'geo', symbolSize: d => 7 + 3 * Math.log2(1 + d[2]), itemStyle: { color: '#1f3d7a', borderColor: '#fff', borderWidth: 1.5 },
          data: points.map(p => ({ name: p.name, value: [p.lon, p.lat, p.reports], place: p })) }
      ]
    }, true);
  }

  async function refreshClaims(a) {
    const c = a.casualties.find(c => c.type === claimType);
    // a new report changes the type's counts or figures; another place, what the chart shows
    const key = (c ? a.id + ' ' + JSON.stringify(c) : a.id) + ' ' + (placeFilter ? placeFilter.id : '');
    if (key === claimsShown) return;
    renderClaims(c ? await figureHistory(a.id, c.type, placeFilter) : [], c ? words(c.type) : 'no casualty figure reported');
    claimsShown = key;
  }
  // The type's reports (every type's when null) in the place (anywhere when null), oldest first; only the newest
  // HISTORY_LIMIT when there are more.
  async function figureHistory(id, type, place) {
    const url = '/actors/' + encodeURIComponent(id) + '/figures?limit=' + HISTORY_LIMIT + (type ? '&type=' + type : '')
      + (place ? '&place=' + encodeURIComponent(place.id) : '');
    const page = await json(url);
    if (page.total <= page.reports.length) return page.reports;
    return (await json(url + '&offset=' + (page.total - HISTORY_LIMIT))).reports;
  }
  function claimSeries(reports) {
    const byClaimant = new Map();
    reports.forEach(r => {
      const name = r.claimedBy || 'none stated';
      if (!byClaimant.has(name)) byClaimant.set(name, []);
      byClaimant.get(name).push({ value: [r.reportedAt, r.value], report: r });
    });
    return [...byClaimant].map(([name, data]) => ({ name, type: 'line', step: 'end', showSymbol: true, data }));
  }
  // ECharts sets a tooltip's string as HTML: everything in it is encoded first.
  function claimTooltip(p) {
    const r = p.data.report;
    return echarts.format.encodeHTML(p.seriesName + ': ' + figure(r) + ' · ' + day(r.reportedAt) + (r.outlet ? ' · ' + r.outlet : ''));
  }
  function renderClaims(reports, label) {
    if (!claimsChart) return;
    claimsChart.setOption({
      animation: false,
      title: reports.length ? { show: false } : { text: label, left: 'center', top: 'middle', textStyle: { fontSize: 12, color: '#66708a' } },
      grid: { left: 56, right: 16, top: 28, bottom: 28 },
      legend: { top: 0, type: 'scroll' },
      tooltip: { trigger: 'item', formatter: claimTooltip },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', minInterval: 1 },
      series: claimSeries(reports)
    }, true);
  }

  // Evidence view: the newest enriched articles; the chosen one's text with every casualty figure
  // and actor mention marked, a figure's details one click away.
  function renderArticles(articles) {
    if (!articleShown && articles.length) articleShown = articles[0];
    const list = document.getElementById('article-list');
    list.replaceChildren(...articles.map(articleItem));
    if (!articles.length) list.append(el('li', 'no enriched article yet', 'quote'));
    const current = articleShown && articles.find(a => a.id === articleShown.id);
    if (current) articleShown = current; // a correction replaces what is shown
    renderArticle(articleShown);
  }
  function articleItem(a) {
    const li = el('li', null, articleShown && a.id === articleShown.id ? 'selected' : '');
    li.append(el('div', a.title || a.id), el('div', [a.outlet, time(a.publishedAt || a.ingestedAt),
      a.casualties.length + ' figure(s)'].filter(Boolean).join(' · '), 'meta'));
    li.addEventListener('click', () => { articleShown = a; renderArticles(recentArticles); });
    return li;
  }
  function renderArticle(a) {
    const key = a ? a.id + ' ' + a.ingestedAt : null;
    if (key === articleKey) return; // unchanged: keep the figure the reader chose
    articleKey = key;
    if (!a) return;
    document.getElementById('article-title').textContent = a.title || a.id;
    document.getElementById('article-meta').textContent = [a.outlet, 'published ' + time(a.publishedAt),
      'ingested ' + time(a.ingestedAt), a.actors.length + ' actor(s)', a.casualties.length + ' figure(s)'].filter(Boolean).join(' · ');
    const text = document.getElementById('article-text');
    text.replaceChildren();
    appendMarked(text, a.text, markTree(a), a);
    document.getElementById('figure-details').replaceChildren(el('p', 'click a marked figure', 'quote'));
  }

  // The marks of an article as a tree over its text. Figures are placed first (sorted by start,
  // longer first), so they take precedence: a mark inside another nests in it (an actor named
  // within a figure's span; "11 militants died" within "Five soldiers and 11 militants died"); a
  // figure that runs past the end of one it starts in is split there, both parts showing the same
  // figure; an actor mention that crosses a figure's boundary is left unmarked. Figures with the
  // same span share a mark. Spans outside the text are ignored.
  function markTree(a) {
    const root = { start: 0, end: a.text.length, children: [] };
    const inText = s => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= a.text.length;
    const bySpan = new Map();
    a.casualties.filter(inText).forEach(f => {
      const key = f.start + ':' + f.end;
      if (!bySpan.has(key)) bySpan.set(key, { kind: 'figure', start: f.start, end: f.end, figures: [] });
      bySpan.get(key).figures.push(f);
    });
    const figures = [...bySpan.values()].sort((x, y) => x.start - y.start || y.end - x.end);
    const mentions = a.actors.flatMap(actor => actor.spans.filter(inText)
      .map(s => ({ kind: 'actor', start: s.start, end: s.end, actor })));
    figures.concat(mentions).forEach(m => insertMark(root, m));
    return root;
  }
  function insertMark(node, mark) {
    let m = mark;
    for (const child of node.children) {
      if (m.end <= child.start || m.start >= child.end) continue;
      if (m.start >= child.start && m.end <= child.end) return insertMark(child, m);
      if (m.kind === 'actor' || m.start < child.start) return;
      insertMark(child, { ...m, end: child.end });
      m = { ...m, start: child.end };
    }
    node.children.push({ ...m, children: [] });
    node.children.sort((x, y) => x.start - y.start);
  }
  // Text nodes and elements only: the article's text never passes through an HTML parser.
  function appendMarked(parent, text, node, a) {
    let at = node.start;
    node.children.forEach(child => {
      if (child.start > at) parent.append(document.createTextNode(text.slice(at, child.start)));
      const e = child.kind === 'figure' ? figureMark(child.figures, a) : actorMark(child.actor);
      appendMarked(e, text, child, a);
      parent.append(e);
      at = child.end;
    });
    if (at < node.end) parent.append(document.createTextNode(text.slice(at, node.end)));
  }
  function figureMark(figures, a) {
    const m = el('mark', null, 'fig');
    m.tabIndex = 0;
    m.title = figures.map(f => words(f.type) + ': ' + figure(f)).join('; ');
    const show = e => { e.stopPropagation(); showFigures(m, figures, a); };
    m.addEventListener('click', show);
    m.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); show(e); } });
    return m;
  }
  function actorMark(actor) {
    const s = el('span', null, 'actor');
    s.title = actor.name + ' (' + words(actor.type) + ')';
    return s;
  }
  function showFigures(mark, figures, a) {
    document.querySelectorAll('#article-text mark.chosen').forEach(m => m.classList.remove('chosen'));
    mark.classList.add('chosen');
    document.getElementById('figure-details').replaceChildren(...figures.map(f => figureFacts(f, a)));
  }
  // "3,001–…" for "more than 3,000"; none when the text gives no bounds or one number exactly
  function range(f) {
    if ((f.valueMin === null && f.valueMax === null) || (f.valueMin === f.value && f.valueMax === f.value)) return null;
    return (f.valueMin !== null ? fmt(f.valueMin) : '…') + '–' + (f.valueMax !== null ? fmt(f.valueMax) : '…');
  }
  function figureFacts(f, a) {
    const name = id => { const actor = id && a.actors.find(x => x.id === id); return actor ? actor.name + ' (' + id + ')' : id; };
    const dl = el('dl');
    const row = (term, value) => dl.append(el('dt', term), el('dd', value));
    row('type', words(f.type));
    row('value', fmt(f.value));
    row('qualifier', words(f.qualifier));
    if (range(f)) row('range', range(f));
    row('whose', name(f.actor) || 'not stated');
    row('claimed by', name(f.claimedBy) || 'none stated');
    row('realis', words(f.realis));
    row('when', f.eventDate ? f.eventDate + (f.eventDateEnd && f.eventDateEnd !== f.eventDate ? ' to ' + f.eventDateEnd : '')
      + (f.cumulative ? ' (running total)' : '') : f.cumulative ? 'running total, no date' : 'not stated');
    row('where', f.location ? f.location.name + ' (' + f.location.placeId + ')' : 'not stated');
    row('read from', '“' + f.text + '”');
    return dl;
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
        syncClaimTypes(actor);
        renderActor(actor, timeline);
        await refreshClaims(actor);
        await loadWorld();
        await refreshMap(actor);
      }
      renderPipeline(await json('/pipeline'));
      recentArticles = await json('/articles/recent?limit=' + RECENT_ARTICLES);
      renderArticles(recentArticles);
      status.textContent = 'updated ' + new Date().toLocaleTimeString();
    } catch (e) {
      status.textContent = 'waiting for data (' + e.message + ')';
    }
  }

  function select(id) {
    if (id !== selected) placeFilter = null;
    selected = id;
    history.replaceState(null, '', '#' + encodeURIComponent(id));
    refresh();
  }

  document.getElementById('sort').addEventListener('change', refresh);
  document.getElementById('claim-type').addEventListener('change', e => chooseClaimType(e.target.value));
  document.getElementById('all-places').addEventListener('click', () => choosePlace(placeFilter));
  if (mapChart) mapChart.on('click', p => {
    if (p.data && p.data.place) choosePlace(p.data.place);
    else if (p.name) choosePlace({ id: p.name, name: p.name });
  });
  window.addEventListener('resize', () => [chart, claimsChart, mapChart].forEach(c => c && c.resize()));
  refresh();
  setInterval(async () => {
    if (refreshing) return;
    refreshing = true;
    try { await refresh(); } finally { refreshing = false; }
  }, POLL_MS);
})();
