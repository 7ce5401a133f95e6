// Wirewatch dashboard. The filters (kept in the URL, so a view can be shared) drive three REST questions: the
// regions with their tallies over the time range, the incidents, the alerts; then the page follows /v1/stream from
// the position the incident list names, so nothing that happens in between is missed. The map is drawn from the
// bundled Natural Earth outlines (vendor/), nothing is fetched from elsewhere.
(function () {
  'use strict';

  const MAX_INCIDENTS = 200;
  const MAX_ALERTS = 4;
  const incidents = new Map();        // incidentId -> incident JSON, those the filters show
  const claimsByIncident = new Map(); // incidentId -> Map(claimId -> claim)
  const alerts = new Map();           // alertId -> alert
  const dismissed = new Set();
  let regionRows = [];                // the last /v1/regions answer's rows
  let asOf = null;                    // the server's day of reference (YYYY-MM-DD)
  let source = null;                  // the open EventSource
  let generation = 0;                 // a reload supersedes answers to the previous one
  let regionsTimer = null;
  let selected = null;

  const EVENT_TYPES = {
    BATTLES: 'Battles', EXPLOSIONS_REMOTE_VIOLENCE: 'Explosions/Remote violence',
    VIOLENCE_AGAINST_CIVILIANS: 'Violence against civilians', PROTESTS: 'Protests', RIOTS: 'Riots',
    STRATEGIC_DEVELOPMENTS: 'Strategic developments'
  };
  const TYPE_COLOURS = {
    BATTLES: '#0f766e', EXPLOSIONS_REMOTE_VIOLENCE: '#ea580c', VIOLENCE_AGAINST_CIVILIANS: '#be123c',
    PROTESTS: '#65a30d', RIOTS: '#ca8a04', STRATEGIC_DEVELOPMENTS: '#7c3aed'
  };
  const GRADES = { SINGLE_SOURCE: 'single source', MULTIPLE_SOURCES: 'multiple sources', CONTESTED: 'contested',
    CONFIRMED: 'confirmed' };
  const RANGES = { '1d': 1, '7d': 7, '30d': 30 };
  const SVG = 'http://www.w3.org/2000/svg';

  const $ = (id) => document.getElementById(id);

  function humanEnum(s) {
    if (!s) return '';
    const t = s.toLowerCase().replace(/_/g, ' ');
    return t.charAt(0).toUpperCase() + t.slice(1);
  }

  function subType(s) {
    return humanEnum(s).replace('Air drone', 'Air/drone').replace('Shelling artillery missile', 'Shelling/artillery/missile')
      .replace('Remote explosive landmine ied', 'Remote explosive/landmine/IED');
  }

  // "Syrian Observatory for Human Rights" reads as "SOHR" on a busy screen; short names stay as they are.
  function shortSource(name) {
    if (!name) return '?';
    const words = name.split(/\s+/);
    if (name.length <= 24 || words.length < 3) return name;
    const initials = words.filter((w) => /^[A-Z]/.test(w)).map((w) => w[0]).join('');
    return initials.length >= 3 ? initials : name;
  }

  function fmtDate(iso) {
    if (!iso) return '';
    const d = new Date(iso + 'T00:00:00Z');
    return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  }

  function fmtTime(iso) {
    if (!iso) return '';
    return new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  }

  function addDays(iso, n) {
    const d = new Date(iso + 'T00:00:00Z');
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  }

  function daysBetween(from, to) {
    return Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / 86400000);
  }

  function best(fig) {
    if (!fig) return null;
    if (fig.best != null) return fig.best;
    return fig.low != null ? fig.low : fig.high;
  }

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  // ---- filters and the URL -------------------------------------------------------------------------------------

  function readUrl() {
    const p = new URLSearchParams(location.search);
    const range = p.get('range');
    return {
      region: (p.get('region') || '').toUpperCase(),
      eventType: (p.get('eventType') || '').toUpperCase(),
      minKilled: /^\d+$/.test(p.get('minKilled') || '') ? p.get('minKilled') : '',
      range: range === 'dates' || RANGES[range] ? range : '30d',
      from: p.get('from') || '',
      to: p.get('to') || ''
    };
  }

  function filters() {
    const range = document.querySelector('input[name="range"]:checked').value;
    return { region: $('f-region').value, eventType: $('f-type').value, minKilled: $('f-min').value.trim(),
      range, from: $('f-from').value, to: $('f-to').value };
  }

  function showFilters(f) {
    ensureOption(f.region);
    $('f-region').value = f.region;
    $('f-type').value = f.eventType;
    $('f-min').value = f.minKilled;
    document.querySelector('input[name="range"][value="' + f.range + '"]').checked = true;
    $('f-from').value = f.from;
    $('f-to').value = f.to;
    $('f-dates').hidden = f.range !== 'dates';
  }

  function writeUrl(f) {
    const p = new URLSearchParams();
    if (f.region) p.set('region', f.region);
    if (f.eventType) p.set('eventType', f.eventType);
    if (f.minKilled) p.set('minKilled', f.minKilled);
    if (f.range !== '30d') p.set('range', f.range);
    if (f.range === 'dates') { if (f.from) p.set('from', f.from); if (f.to) p.set('to', f.to); }
    const q = p.toString();
    history.replaceState(null, '', location.pathname + (q ? '?' + q : ''));
  }

  // The event days the range covers. A rolling range has no end, so today's new incidents keep arriving.
  function span(f) {
    if (f.range === 'dates') {
      const to = f.to || asOf;
      const from = f.from && f.from <= to ? f.from : addDays(to, -29);
      return { since: from, until: to, asOf: to, days: Math.min(366, daysBetween(from, to) + 1) };
    }
    const n = RANGES[f.range] || 30;
    return { since: asOf ? addDays(asOf, -(n - 1)) : null, until: null, asOf: null, days: n };
  }

  function matches(i, f, s) {
    const loc = i.location || {};
    if (f.region && (f.region.length === 2 ? loc.countryCode !== f.region : loc.admin1Code !== f.region)) return false;
    if (f.eventType && i.eventType !== f.eventType) return false;
    if (f.minKilled && !(best(i.killed) >= Number(f.minKilled))) return false;
    if (s.since && i.eventDate < s.since) return false;
    if (s.until && i.eventDate > s.until) return false;
    return true;
  }

  function ensureOption(code) {
    const sel = $('f-region');
    if (!code || [...sel.options].some((o) => o.value === code)) return;
    sel.appendChild(new Option(code, code));
  }

  function fillRegionOptions(rows) {
    const sel = $('f-region');
    const current = sel.value;
    sel.textContent = '';
    sel.appendChild(new Option('All countries', ''));
    for (const r of orderRegions(rows)) {
      const label = (r.regionLevel === 'ADMIN1' ? '\u2003' : '') + displayName(r) + ' (' + r.regionCode + ')';
      sel.appendChild(new Option(label, r.regionCode));
    }
    ensureOption(current);
    sel.value = current;
  }

  // ---- loading -------------------------------------------------------------------------------------------------

  async function getJson(url) {
    const res = await fetch(url);
    if (!res.ok) throw new Error(url + ': HTTP ' + res.status);
    return res.json();
  }

  async function reload() {
    const gen = ++generation;
    const f = filters();
    writeUrl(f);
    $('f-dates').hidden = f.range !== 'dates';
    if (source) { source.close(); source = null; }
    try {
      // Every region with data, for the region picker (the view below may be narrowed to one country).
      const everything = await getJson('/v1/regions?days=1');
      asOf = everything.asOf;
      fillRegionOptions(everything.regions.filter((r) => r.incidents > 0 || r.tallies.P30D));
      const s = span(f);
      const regions = await loadRegions(f, s);
      if (gen !== generation) return;
      const q = new URLSearchParams({ limit: String(MAX_INCIDENTS) });
      if (f.region) q.set('region', f.region);
      if (f.eventType) q.set('eventType', f.eventType);
      if (f.minKilled) q.set('minKilled', f.minKilled);
      if (s.since) q.set('since', s.since);
      if (s.until) q.set('until', s.until);
      const [list, alertList] = await Promise.all([getJson('/v1/incidents?' + q), getJson('/v1/alerts?limit=50')]);
      if (gen !== generation) return;
      incidents.clear();
      claimsByIncident.clear();
      $('incidents').textContent = '';
      for (const i of list.items.slice().reverse()) {
        incidents.set(i.incidentId, i);
        const m = new Map();
        (i.claims || []).forEach((c) => m.set(c.claimId, c));
        claimsByIncident.set(i.incidentId, m);
        renderIncident(i, false);
      }
      $('incidents-hint').textContent = describeView(f, s, list.total);
      alerts.clear();
      alertList.items.forEach((a) => alerts.set(a.alertId, a));
      renderAlerts();
      trimIncidents();
      await worldReady;
      if (gen !== generation) return;
      drawMap(regions);
      counts();
      connect(list.position, gen);
      // For the page-weight figures: the first moment list, map and tallies are all on screen.
      if (!performance.getEntriesByName('wirewatch-rendered').length) performance.mark('wirewatch-rendered');
    } catch (e) {
      if (gen !== generation) return;
      setStatus('reconnecting', 'Feed unreachable, retrying…');
      setTimeout(() => { if (gen === generation) reload(); }, 3000);
    }
  }

  function describeView(f, s, total) {
    const when = f.range === 'dates' ? fmtDate(s.since) + ' – ' + fmtDate(s.until)
      : f.range === '1d' ? 'event day ' + fmtDate(asOf) : 'last ' + s.days + ' days';
    return total + (total === 1 ? ' incident' : ' incidents') + ' · ' + when + ' · newest event first · live';
  }

  // ---- incidents -----------------------------------------------------------------------------------------------

  function sortKey(i) {
    return (i.eventDate || '') + '|' + (i.updatedAt || '');
  }

  function renderIncident(i, isNew) {
    const list = $('incidents');
    let li = list.querySelector('li[data-id="' + CSS.escape(i.incidentId) + '"]');
    if (!li) {
      li = $('incident-template').content.firstElementChild.cloneNode(true);
      li.dataset.id = i.incidentId;
      li.addEventListener('click', (e) => {
        if (e.target.closest('a, .evidence')) return;
        select(i.incidentId, !li.querySelector('.evidence').hidden ? null : 'killed');
      });
      li.querySelector('.figure').addEventListener('click', (e) => { e.preventDefault(); select(li.dataset.id, 'killed'); });
    }
    li.classList.remove('removed');
    li.dataset.sort = sortKey(i);
    const k = i.killed;
    const b = best(k);
    const fig = li.querySelector('.figure');
    fig.classList.toggle('none', b == null);
    fig.title = b == null ? 'No toll reported' : 'Show the sentence behind ' + b + ' killed';
    fig.href = '#ev-' + i.incidentId;
    li.querySelector('.best').textContent = b == null ? '–' : b;
    const range = k && k.low != null && k.high != null && (k.low !== b || k.high !== b) ? k.low + '–' + b + '–' + k.high
      : (k && k.vague ? 'vague' : '');
    li.querySelector('.range').textContent = range;
    const loc = i.location || {};
    li.querySelector('.place').textContent = loc.place || loc.admin1Name || loc.countryCode || 'Unknown place';
    // Without a place the title is the region already: the second part then only adds the country.
    const region = regionLabel(loc.admin1Code, loc.admin1Name);
    const within = loc.place ? [region, loc.countryCode] : loc.admin1Name ? [loc.countryCode] : [];
    li.querySelector('.region').textContent = within.filter(Boolean).join(', ');
    const grade = li.querySelector('.grade');
    grade.className = 'grade ' + i.grade;
    grade.textContent = GRADES[i.grade] || humanEnum(i.grade);
    grade.title = i.sourceCount + (i.sourceCount === 1 ? ' agency' : ' agencies');
    li.querySelector('.date').textContent = fmtDate(i.eventDate);
    const type = li.querySelector('.type');
    type.textContent = (EVENT_TYPES[i.eventType] || humanEnum(i.eventType)) +
      (i.subEventType ? ': ' + subType(i.subEventType) : '');
    type.style.setProperty('--type', TYPE_COLOURS[i.eventType] || '#5f6b7a');
    li.querySelector('.actor').textContent = i.actor ? i.actor.name : '';
    const extra = li.querySelector('.extra');
    extra.textContent = '';
    const extras = [];
    if (i.childrenKilled != null) extras.push([i.childrenKilled + ' children', 'children']);
    if (i.civiliansKilled != null) extras.push([i.civiliansKilled + ' civilians', 'civilians']);
    if (i.injured && best(i.injured) != null) extras.push([best(i.injured) + ' injured', 'injured']);
    extras.forEach(([text, what], n) => {
      if (n) extra.append(', ');
      const a = el('a', 'fig-link', text);
      a.href = '#ev-' + i.incidentId;
      a.dataset.what = what;
      a.title = 'Show the sentence behind ' + text;
      a.addEventListener('click', (e) => { e.preventDefault(); select(i.incidentId, what); });
      extra.appendChild(a);
    });
    // A separator follows every part but the last shown one, so a wrapped line never starts with one.
    const parts = ['.date', '.type', '.actor', '.extra'].map(c => li.querySelector(c));
    const shown = parts.filter(e => e.textContent);
    parts.forEach(e => e.classList.toggle('sep', shown.indexOf(e) >= 0 && shown.indexOf(e) < shown.length - 1));
    renderClaims(li, i.incidentId);
    renderBuilt(li, i);
    if (!li.querySelector('.evidence').hidden) renderEvidence(li, i, null);
    insertSorted(list, li);
    if (isNew) {
      li.classList.remove('new');
      void li.offsetWidth; // restart the highlight animation
      li.classList.add('new');
    }
  }

  // Which agencies' reports, at which story versions, the incident is built from (and the extractor, when the
  // record names it).
  function renderBuilt(li, i) {
    const box = li.querySelector('.built');
    box.textContent = '';
    const byAgency = new Map();
    for (const m of i.mentions || []) {
      const agency = m.agency || 'unknown agency';
      if (!byAgency.has(agency)) byAgency.set(agency, []);
      byAgency.get(agency).push(m);
    }
    if (!byAgency.size) return;
    box.append('Built from ');
    [...byAgency.entries()].forEach(([agency, ms], n) => {
      if (n) box.append(' · ');
      const s = el('span', 'src', agency + ' ' + ms.map((m) => 'v' + m.reportVersion).join(', '));
      s.title = ms.map((m) => m.reportUri + ' version ' + m.reportVersion +
        (m.killed && best(m.killed) != null ? ': ' + best(m.killed) + ' killed' : '')).join('\n');
      box.appendChild(s);
    });
    const versions = new Set([i.extractorVersion, ...(i.mentions || []).map((m) => m.extractorVersion)]
      .filter((v) => v != null && v !== ''));
    if (versions.size) box.append(' · extractor ' + [...versions].join(', '));
  }

  function insertSorted(list, li) {
    const key = li.dataset.sort;
    let before = null;
    for (const other of list.children) {
      if (other !== li && other.dataset.sort < key) { before = other; break; }
    }
    if (before) {
      if (li.nextElementSibling !== before) list.insertBefore(li, before);
    } else if (li.parentNode !== list || list.lastElementChild !== li) {
      list.appendChild(li);
    }
  }

  function trimIncidents() {
    const list = $('incidents');
    while (list.children.length > MAX_INCIDENTS) {
      incidents.delete(list.lastElementChild.dataset.id);
      list.lastElementChild.remove();
    }
    $('incidents-empty').hidden = list.children.length > 0;
  }

  function claimText(c) {
    const who = shortSource(c.source && c.source.name);
    switch (c.kind) {
      case 'FIGURE': {
        const parts = [];
        if (c.killed != null) parts.push(c.killed + ' killed');
        if (c.injured != null) parts.push(c.injured + ' injured');
        return [who, parts.join(', ') || 'figure'];
      }
      case 'DENIAL': return [who, 'denies casualties'];
      case 'CONFIRMATION': return [who, c.killed != null ? 'confirms ' + c.killed + ' killed' : 'confirms'];
      case 'CUMULATIVE': return [who, (c.killed != null ? c.killed + ' killed ' : '') + 'cumulative, not counted'];
      default: return [who, humanEnum(c.kind)];
    }
  }

  function renderClaims(li, incidentId) {
    const box = li.querySelector('.claims');
    box.textContent = '';
    const claims = [...(claimsByIncident.get(incidentId) || new Map()).values()].filter((c) => !c.superseded);
    // The same statement carried by several agencies is one claim on screen, with who carried it.
    const groups = new Map();
    for (const c of claims) {
      const [who, what] = claimText(c);
      const key = who + '|' + what;
      if (!groups.has(key)) groups.set(key, { c, who, what, agencies: new Set() });
      if (c.agency) groups.get(key).agencies.add(c.agency);
    }
    for (const g of groups.values()) {
      const chip = el('a', 'claim ' + g.c.kind);
      chip.href = '#ev-' + incidentId;
      chip.title = (g.c.source ? g.c.source.name : '') + (g.c.speaker ? ' (' + g.c.speaker + ')' : '') +
        (g.agencies.size ? ', via ' + [...g.agencies].join(', ') : '') + ': show the sentence';
      chip.append(el('b', null, g.who + ':'), ' ' + g.what);
      if (g.agencies.size > 1) chip.appendChild(el('span', 'via', ' · ' + g.agencies.size + ' agencies'));
      chip.addEventListener('click', (e) => { e.preventDefault(); select(incidentId, 'claim:' + g.c.claimId); });
      box.appendChild(chip);
    }
  }

  // The sentence behind a figure: the incident's evidence (the sentences of the report its best figure came
  // from) or a claim's own; among them the one that states the number, else the first.
  function evidenceFor(i, what) {
    const claims = [...(claimsByIncident.get(i.incidentId) || new Map()).values()];
    if (what && what.startsWith('claim:')) {
      const c = claims.find((x) => x.claimId === what.slice(6));
      return c && c.evidence && c.evidence.length ? c.evidence[0].text : null;
    }
    const spans = (i.evidence || []).concat(...claims.map((c) => c.evidence || []));
    const tests = {
      killed: (t) => best(i.killed) != null && new RegExp('\\b' + best(i.killed) + '\\b').test(t),
      children: (t) => /child|boy|girl|minor/i.test(t),
      civilians: (t) => /civilian/i.test(t),
      injured: (t) => /injur|wound|hurt/i.test(t)
    };
    const hit = spans.find((s) => tests[what] && tests[what](s.text));
    return hit ? hit.text : (spans[0] ? spans[0].text : null);
  }

  function renderEvidence(li, i, what) {
    const box = li.querySelector('.evidence');
    box.textContent = '';
    box.id = 'ev-' + i.incidentId;
    const claims = [...(claimsByIncident.get(i.incidentId) || new Map()).values()];
    const seen = new Set();
    const target = what ? evidenceFor(i, what) : null;
    for (const s of (i.evidence || []).concat(...claims.map((c) => c.evidence || []))) {
      if (seen.has(s.text)) continue;
      seen.add(s.text);
      const q = el('blockquote', 'sentence' + (s.text === target ? ' hit' : ''), '“' + s.text + '”');
      box.appendChild(q);
    }
    if (!seen.size) box.appendChild(el('p', 'hint', 'No evidence sentence in this record.'));
    const hit = box.querySelector('.hit');
    if (hit) hit.scrollIntoView({ block: 'nearest' });
  }

  function select(id, what) {
    const li = $('incidents').querySelector('li[data-id="' + CSS.escape(id) + '"]');
    const i = incidents.get(id);
    if (selected && selected !== id) {
      const old = $('incidents').querySelector('li[data-id="' + CSS.escape(selected) + '"]');
      if (old) { old.classList.remove('selected'); old.querySelector('.evidence').hidden = true; }
    }
    document.querySelectorAll('#map .marker.selected').forEach((m) => m.classList.remove('selected'));
    if (!li || !i) { selected = null; return; }
    const box = li.querySelector('.evidence');
    if (what == null) {
      box.hidden = true;
      li.classList.remove('selected');
      selected = null;
      return;
    }
    selected = id;
    li.classList.add('selected');
    renderEvidence(li, i, what);
    box.hidden = false;
    const marker = document.querySelector('#map .marker[data-id="' + CSS.escape(id) + '"]');
    if (marker) { marker.classList.add('selected'); marker.parentNode.appendChild(marker); }
    li.scrollIntoView({ block: 'nearest' });
  }

  function upsertIncident(i) {
    const f = filters();
    const li = $('incidents').querySelector('li[data-id="' + CSS.escape(i.incidentId) + '"]');
    if (!matches(i, f, span(f))) {
      if (li) { incidents.delete(i.incidentId); li.remove(); trimIncidents(); drawMarkers(); counts(); }
      return;
    }
    incidents.set(i.incidentId, i);
    renderIncident(i, true);
    trimIncidents();
    drawMarkers();
    counts();
  }

  function removeIncident(id) {
    incidents.delete(id);
    const li = $('incidents').querySelector('li[data-id="' + CSS.escape(id) + '"]');
    if (li) {
      li.classList.add('removed');
      li.title = 'Retracted';
      setTimeout(() => { if (!incidents.has(id)) { li.remove(); trimIncidents(); } }, 4000);
    }
    drawMarkers();
    counts();
  }

  function upsertClaim(c) {
    // A claim follows its incident when that is re-keyed (or its mention joins another): one incident holds it.
    removeClaim(c.claimId, c.incidentId);
    if (!c.incidentId) return;
    if (!claimsByIncident.has(c.incidentId)) claimsByIncident.set(c.incidentId, new Map());
    claimsByIncident.get(c.incidentId).set(c.claimId, c);
    refreshClaims(c.incidentId);
  }

  function removeClaim(claimId, keep) {
    for (const [incidentId, m] of claimsByIncident) {
      if (incidentId !== keep && m.delete(claimId)) refreshClaims(incidentId);
    }
  }

  function refreshClaims(incidentId) {
    const li = $('incidents').querySelector('li[data-id="' + CSS.escape(incidentId) + '"]');
    if (li) renderClaims(li, incidentId);
  }

  // ---- alerts --------------------------------------------------------------------------------------------------

  const RANK = { CRITICAL: 3, WARNING: 2, INFO: 1 };

  // One line per subject. The alerts stage already publishes one alert per incident (or region and day) with its
  // reasons; alerts written before that (one per rule) are folded here by incident the same way.
  function subjects() {
    const bySubject = new Map();
    for (const a of alerts.values()) {
      const key = a.incidentId || a.alertId;
      if (!bySubject.has(key)) bySubject.set(key, []);
      bySubject.get(key).push(a);
    }
    const order = (a, b) => (RANK[b.severity] || 0) - (RANK[a.severity] || 0) ||
      (b.raisedAt || '').localeCompare(a.raisedAt || '');
    return [...bySubject.entries()].map(([key, list]) => {
      list.sort(order);
      const reasons = list.flatMap((a) => (a.reasons && a.reasons.length ? a.reasons
        : [{ rule: a.rule, severity: a.severity, title: a.title }]));
      return { key, a: list[0], reasons, sig: key + '|' + list.map((a) => a.severity + (a.reasons || []).length).join() };
    }).sort((x, y) => order(x.a, y.a));
  }

  function renderAlerts() {
    const box = $('alerts');
    box.textContent = '';
    const all = subjects().filter((s) => !dismissed.has(s.sig));
    const shown = all.slice(0, MAX_ALERTS);
    for (const { a, reasons, sig } of shown) {
      const div = el('div', 'alert ' + a.severity);
      div.setAttribute('role', 'alert');
      div.dataset.alertId = a.alertId;
      const head = el('div', 'alert-head');
      const title = el(a.incidentId ? 'a' : 'span', 'title', a.title.split(' \u00b7 also ')[0]);
      if (a.incidentId) {
        title.href = '#ev-' + a.incidentId;
        title.addEventListener('click', (e) => { e.preventDefault(); select(a.incidentId, 'killed'); });
      }
      const close = el('button', null, '×');
      close.type = 'button';
      close.title = 'Dismiss until it escalates';
      close.addEventListener('click', () => { dismissed.add(sig); renderAlerts(); });
      head.append(el('span', 'sev', a.severity), title, el('span', 'when', fmtTime(a.raisedAt)), close);
      const why = el('ul', 'reasons');
      for (const r of reasons) {
        const item = el('li', 'reason ' + r.severity, r.title);
        item.title = humanEnum(r.rule) + ', ' + r.severity.toLowerCase();
        why.appendChild(item);
      }
      // The message (figures, sources, claims) is a hover away: the banner's lines are the reasons.
      div.title = a.message;
      div.append(head, why);
      box.appendChild(div);
    }
    if (all.length > shown.length) {
      box.appendChild(el('div', 'alert-more', (all.length - shown.length) + ' more alerting subjects'));
    }
    box.hidden = shown.length === 0;
    counts();
  }

  // ---- regions -------------------------------------------------------------------------------------------------

  // The name a desk writes first, and the ISO 3166-2 name beside it when they differ ("Saada · Şa‘dah").
  function displayName(r) {
    const iso = r.regionName || r.regionCode;
    return r.deskName && r.deskName !== iso ? r.deskName + ' · ' + iso : iso;
  }

  function regionLabel(code, name) {
    const r = regionRows.find((x) => x.regionCode === code);
    return r ? displayName(r) : name || code;
  }

  function orderRegions(rows) {
    const total = (r) => (r.tallies && r.tallies.P30D ? best(r.tallies.P30D.killed) || 0 : 0) + (r.rangeKilled || 0);
    const countries = rows.filter((r) => r.regionLevel === 'COUNTRY').sort((a, b) => total(b) - total(a));
    const ordered = [];
    for (const c of countries) {
      ordered.push(c);
      rows.filter((r) => r.regionLevel === 'ADMIN1' && r.countryCode === c.regionCode)
        .sort((a, b) => total(b) - total(a)).forEach((r) => ordered.push(r));
    }
    rows.filter((r) => !ordered.includes(r)).forEach((r) => ordered.push(r));
    return ordered;
  }

  function sparkline(days) {
    const w = 150, h = 28, n = days.length;
    const max = Math.max(1, ...days.map((d) => d.killed));
    const bw = w / n;
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('width', w); svg.setAttribute('height', h); svg.setAttribute('viewBox', '0 0 ' + w + ' ' + h);
    svg.setAttribute('role', 'img');
    const base = document.createElementNS(SVG, 'line');
    base.setAttribute('x1', 0); base.setAttribute('x2', w); base.setAttribute('y1', h - 0.5); base.setAttribute('y2', h - 0.5);
    base.setAttribute('stroke', '#d5d9de');
    svg.appendChild(base);
    days.forEach((d, i) => {
      if (!d.killed) return;
      const bh = Math.max(2, Math.round((d.killed / max) * (h - 2)));
      const r = document.createElementNS(SVG, 'rect');
      r.setAttribute('x', (i * bw + 0.5).toFixed(1)); r.setAttribute('width', Math.max(1, bw - 1).toFixed(1));
      r.setAttribute('y', h - bh); r.setAttribute('height', bh); r.setAttribute('fill', '#b3261e');
      const t = document.createElementNS(SVG, 'title');
      t.textContent = d.date + ': ' + d.killed + ' killed, ' + d.incidents + ' incident(s)';
      r.appendChild(t);
      svg.appendChild(r);
    });
    svg.setAttribute('aria-label', 'killed per day, peak ' + max);
    return svg;
  }

  function killedCell(t, cls) {
    const td = el('td', 'num' + (cls ? ' ' + cls : ''));
    if (!t) { td.textContent = '0'; return td; }
    const b = best(t.killed);
    td.appendChild(el('b', null, b == null ? '0' : String(b)));
    td.title = t.incidents + ' incident(s); killed ' + t.killed.low + '–' + t.killed.high + ' (' + t.windowStart + ' to ' + t.windowEnd + ')';
    return td;
  }

  async function loadRegions(f, s) {
    const q = new URLSearchParams({ days: String(s.days) });
    if (s.asOf) q.set('asOf', s.asOf);
    if (f.region) q.set('region', f.region.slice(0, 2));
    const body = await getJson('/v1/regions?' + q);
    asOf = asOf || body.asOf;
    $('asof').textContent = fmtDate(body.asOf);
    $('tally-source').textContent = body.source === 'streams-store' ? 'from the Streams stores' : 'from the tallies topic';
    for (const r of body.regions) r.rangeKilled = r.daily.reduce((n, d) => n + d.killed, 0);
    regionRows = body.regions;
    const tbody = $('regions');
    const previous = new Map([...tbody.children].map((tr) => [tr.dataset.code, tr.dataset.sig]));
    tbody.textContent = '';
    const rows = orderRegions(body.regions.filter((r) => r.rangeKilled > 0)
      .filter((r) => !f.region || f.region.length === 2 || r.regionCode === f.region || r.regionCode === f.region.slice(0, 2)));
    $('range-head').textContent = f.range === 'dates' ? s.days + ' days' : f.range === '1d' ? '24 h' : 'last ' + s.days + ' d';
    for (const r of rows) {
      const tr = el('tr', r.regionLevel === 'COUNTRY' ? 'country' : 'admin1');
      tr.dataset.code = r.regionCode;
      const sig = JSON.stringify([r.tallies, r.daily]);
      tr.dataset.sig = sig;
      const name = el('td', 'name');
      name.append(displayName(r));
      name.appendChild(el('span', 'code', r.regionCode));
      const range = el('td', 'num in-range');
      range.appendChild(el('b', null, String(r.rangeKilled)));
      range.title = 'killed (best) on event days ' + r.daily[0].date + ' to ' + r.daily[r.daily.length - 1].date;
      const chart = el('td', 'chart');
      chart.appendChild(sparkline(r.daily));
      tr.append(name, range, killedCell(r.tallies.P1D), killedCell(r.tallies.P7D), killedCell(r.tallies.P30D), chart);
      tr.addEventListener('click', () => setRegion(f.region === r.regionCode ? '' : r.regionCode));
      if (previous.has(r.regionCode) && previous.get(r.regionCode) !== sig) tr.classList.add('updated');
      tbody.appendChild(tr);
    }
    $('regions-empty').hidden = rows.length > 0;
    $('count-regions').textContent = rows.length;
    return body.regions;
  }

  function scheduleRegions() {
    if (regionsTimer) return;
    regionsTimer = setTimeout(async () => {
      regionsTimer = null;
      const f = filters();
      try { drawMap(await loadRegions(f, span(f))); } catch (e) { /* the next tally event retries */ }
    }, 400);
  }

  function setRegion(code) {
    ensureOption(code);
    $('f-region').value = code;
    reload();
  }

  // ---- map -----------------------------------------------------------------------------------------------------

  let world = null;      // GeoJSON features of the bundled outlines
  let worldReady = null; // their loading, which runs beside the first data questions
  let projection = null;

  async function loadWorld() {
    const topo = await getJson('vendor/countries-110m.json');
    world = topojson.feature(topo, topo.objects.countries).features;
  }

  function shade(killed, max) {
    if (!killed) return null;
    const t = Math.sqrt(killed / Math.max(1, max));
    const mix = (a, b) => Math.round(a + (b - a) * t);
    // A slate ramp, so the event-type colours of the circles stay readable on a shaded country.
    return 'rgb(' + mix(208, 48) + ',' + mix(218, 74) + ',' + mix(232, 112) + ')';
  }

  function drawMap(rows) {
    const svg = $('map');
    if (!world) return;
    const w = Math.max(280, svg.parentNode.clientWidth);
    const h = Math.round(Math.min(460, Math.max(220, w * 0.52)));
    svg.setAttribute('viewBox', '0 0 ' + w + ' ' + h);
    svg.setAttribute('width', w);
    svg.setAttribute('height', h);
    const f = filters();
    const country = f.region ? f.region.slice(0, 2) : null;
    const week = new Map((rows || regionRows).filter((r) => r.regionLevel === 'COUNTRY')
      .map((r) => [r.regionCode, r.tallies && r.tallies.P7D ? best(r.tallies.P7D.killed) || 0 : 0]));
    const max = Math.max(0, ...week.values());
    // Frame what matters: the filtered country, else every country with incidents or a tally, else the world.
    const focus = world.filter((c) => (country ? c.properties.a2 === country
      : week.has(c.properties.a2) || [...incidents.values()].some((i) => i.location && i.location.countryCode === c.properties.a2)));
    projection = d3.geoNaturalEarth1();
    if (focus.length) {
      projection.fitExtent([[24, 24], [w - 24, h - 24]], { type: 'FeatureCollection', features: focus });
      // One small country fills the frame; keep some surroundings for orientation.
      const k = projection.scale();
      const limit = w * 1.6;
      if (k > limit) projection.scale(limit);
    } else {
      projection.fitExtent([[4, 4], [w - 4, h - 4]], { type: 'Sphere' });
    }
    const path = d3.geoPath(projection);
    svg.textContent = '';
    const bg = document.createElementNS(SVG, 'rect');
    bg.setAttribute('width', w); bg.setAttribute('height', h); bg.setAttribute('class', 'sea');
    svg.appendChild(bg);
    const g = document.createElementNS(SVG, 'g');
    g.setAttribute('class', 'countries');
    for (const c of world) {
      const p = document.createElementNS(SVG, 'path');
      p.setAttribute('d', path(c) || '');
      p.setAttribute('class', 'country' + (country === c.properties.a2 ? ' focus' : ''));
      p.dataset.code = c.properties.a2;
      const killed = week.get(c.properties.a2) || 0;
      const fill = shade(killed, max);
      if (fill) p.style.fill = fill;
      const t = document.createElementNS(SVG, 'title');
      t.textContent = c.properties.name + (week.has(c.properties.a2) ? ': ' + killed + ' killed in the 7 days to ' + fmtDate(asOf) : '');
      p.appendChild(t);
      p.addEventListener('click', () => setRegion(country === c.properties.a2 ? '' : c.properties.a2));
      g.appendChild(p);
    }
    svg.appendChild(g);
    const markers = document.createElementNS(SVG, 'g');
    markers.setAttribute('id', 'markers');
    svg.appendChild(markers);
    drawMarkers();
    drawLegend(max);
  }

  function drawMarkers() {
    const g = $('markers');
    if (!g || !projection) return;
    g.textContent = '';
    const located = [...incidents.values()].filter((i) => i.location && i.location.latitude != null && i.location.longitude != null);
    // Large circles first, so a small incident beside a large one stays clickable.
    located.sort((a, b) => (best(b.killed) || 0) - (best(a.killed) || 0));
    for (const i of located) {
      const xy = projection([i.location.longitude, i.location.latitude]);
      if (!xy) continue;
      const k = best(i.killed) || 0;
      const c = document.createElementNS(SVG, 'circle');
      c.setAttribute('cx', xy[0].toFixed(1));
      c.setAttribute('cy', xy[1].toFixed(1));
      c.setAttribute('r', Math.min(26, 4 + Math.sqrt(k) * 2).toFixed(1));
      c.setAttribute('class', 'marker' + (selected === i.incidentId ? ' selected' : ''));
      c.setAttribute('fill', TYPE_COLOURS[i.eventType] || '#5f6b7a');
      c.dataset.id = i.incidentId;
      c.dataset.type = i.eventType;
      const t = document.createElementNS(SVG, 'title');
      t.textContent = (i.location.place || i.location.admin1Name || '') + ', ' + fmtDate(i.eventDate) + ': ' +
        (best(i.killed) == null ? 'no toll' : best(i.killed) + ' killed') + ' (' + (EVENT_TYPES[i.eventType] || i.eventType) + ')';
      c.appendChild(t);
      c.addEventListener('click', (e) => { e.stopPropagation(); select(i.incidentId, 'killed'); });
      g.appendChild(c);
    }
    const n = incidents.size;
    $('map-hint').textContent = located.length + ' of ' + n + ' incidents located · circle sized by killed (best) · '
      + 'country shade: killed in its last 7 days · click a country to filter';
  }

  function drawLegend(max) {
    const box = $('legend');
    box.textContent = '';
    const present = new Set([...incidents.values()].map((i) => i.eventType));
    for (const [type, colour] of Object.entries(TYPE_COLOURS)) {
      if (!present.has(type)) continue;
      const item = el('span', 'key');
      const dot = el('span', 'dot');
      dot.style.background = colour;
      item.append(dot, EVENT_TYPES[type]);
      box.appendChild(item);
    }
    if (max > 0) {
      const item = el('span', 'key');
      const ramp = el('span', 'ramp');
      item.append(ramp, '7-day killed, up to ' + max);
      box.appendChild(item);
    }
  }

  function counts() {
    $('count-incidents').textContent = incidents.size;
    $('count-alerts').textContent = subjects().length;
  }

  // ---- live stream ---------------------------------------------------------------------------------------------

  function setStatus(state, text) {
    $('status').dataset.state = state;
    $('status-text').textContent = text;
  }

  function connect(position, gen) {
    const url = '/v1/stream' + (position ? '?lastEventId=' + encodeURIComponent(position) : '');
    const es = new EventSource(url);
    source = es;
    const live = (fn) => (m) => { if (gen === generation) fn(m); };
    es.addEventListener('hello', live(() => setStatus('live', 'Live')));
    es.onopen = live(() => setStatus('live', 'Live'));
    es.onerror = live(() => setStatus('reconnecting', 'Reconnecting…'));
    es.addEventListener('incident', live((m) => { upsertIncident(JSON.parse(m.data)); scheduleRegions(); }));
    es.addEventListener('incident-removed', live((m) => { removeIncident(JSON.parse(m.data).key); scheduleRegions(); }));
    es.addEventListener('claim', live((m) => upsertClaim(JSON.parse(m.data))));
    es.addEventListener('claim-removed', live((m) => removeClaim(JSON.parse(m.data).key)));
    es.addEventListener('tally', live(scheduleRegions));
    es.addEventListener('tally-removed', live(scheduleRegions));
    es.addEventListener('alert', live((m) => { const a = JSON.parse(m.data); alerts.set(a.alertId, a); renderAlerts(); }));
    es.addEventListener('alert-removed', live((m) => { alerts.delete(JSON.parse(m.data).key); renderAlerts(); }));
  }

  // ---- start ---------------------------------------------------------------------------------------------------

  function start() {
    showFilters(readUrl());
    $('filters').addEventListener('change', (e) => {
      if (e.target.name === 'range' && e.target.value === 'dates' && !$('f-to').value && asOf) {
        $('f-to').value = asOf;
        $('f-from').value = addDays(asOf, -29);
      }
      reload();
    });
    $('filters').addEventListener('submit', (e) => { e.preventDefault(); reload(); });
    $('f-reset').addEventListener('click', () => { showFilters({ region: '', eventType: '', minKilled: '', range: '30d', from: '', to: '' }); reload(); });
    let resizeTimer = null;
    window.addEventListener('resize', () => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => drawMap(null), 200);
    });
    worldReady = loadWorld().catch(() => { $('map-hint').textContent = 'map outlines unavailable'; });
    reload();
  }

  start();
})();
