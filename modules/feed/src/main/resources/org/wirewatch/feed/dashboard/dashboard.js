// Wirewatch dashboard: loads the current view over REST, then follows /v1/stream from the position the first
// response names, so nothing that happens in between is missed. Plain browser APIs only; works offline.
(function () {
  'use strict';

  const MAX_INCIDENTS = 200;
  const MAX_ALERTS = 3;
  const incidents = new Map();      // incidentId -> incident JSON
  const claimsByIncident = new Map(); // incidentId -> Map(claimId -> claim)
  const alerts = new Map();         // alertId -> alert
  const dismissed = new Set();
  let regionsTimer = null;

  const EVENT_TYPES = {
    BATTLES: 'Battles', EXPLOSIONS_REMOTE_VIOLENCE: 'Explosions/Remote violence',
    VIOLENCE_AGAINST_CIVILIANS: 'Violence against civilians', PROTESTS: 'Protests', RIOTS: 'Riots',
    STRATEGIC_DEVELOPMENTS: 'Strategic developments'
  };
  const GRADES = { SINGLE_SOURCE: 'single source', MULTIPLE_SOURCES: 'multiple sources', CONTESTED: 'contested',
    CONFIRMED: 'confirmed' };

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

  function best(fig) {
    if (!fig) return null;
    if (fig.best != null) return fig.best;
    return fig.low != null ? fig.low : fig.high;
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

  // ---- incidents ----------------------------------------------------------------------------------------------

  function sortKey(i) {
    return (i.eventDate || '') + '|' + (i.updatedAt || '');
  }

  function renderIncident(i, isNew) {
    const list = $('incidents');
    let li = list.querySelector('li[data-id="' + CSS.escape(i.incidentId) + '"]');
    if (!li) {
      li = $('incident-template').content.firstElementChild.cloneNode(true);
      li.dataset.id = i.incidentId;
      li.addEventListener('click', () => toggleEvidence(li));
    }
    li.classList.remove('removed');
    li.dataset.sort = sortKey(i);
    const k = i.killed;
    const b = best(k);
    const fig = li.querySelector('.figure');
    fig.classList.toggle('none', b == null);
    li.querySelector('.best').textContent = b == null ? '–' : b;
    const range = k && k.low != null && k.high != null && (k.low !== b || k.high !== b) ? k.low + '–' + b + '–' + k.high
      : (k && k.vague ? 'vague' : '');
    li.querySelector('.range').textContent = range;
    const loc = i.location || {};
    li.querySelector('.place').textContent = loc.place || loc.admin1Name || loc.countryCode || 'Unknown place';
    // Without a place the title is the region already: the second part then only adds the country.
    const within = loc.place ? [loc.admin1Name || loc.admin1Code, loc.countryCode]
      : loc.admin1Name ? [loc.countryCode] : [];
    li.querySelector('.region').textContent = within.filter(Boolean).join(', ');
    const grade = li.querySelector('.grade');
    grade.className = 'grade ' + i.grade;
    grade.textContent = GRADES[i.grade] || humanEnum(i.grade);
    grade.title = i.sourceCount + (i.sourceCount === 1 ? ' source' : ' sources');
    li.querySelector('.date').textContent = fmtDate(i.eventDate);
    li.querySelector('.type').textContent = (EVENT_TYPES[i.eventType] || humanEnum(i.eventType)) +
      (i.subEventType ? ': ' + subType(i.subEventType) : '');
    li.querySelector('.actor').textContent = i.actor ? i.actor.name : '';
    const extra = [];
    if (i.childrenKilled != null) extra.push(i.childrenKilled + ' children');
    if (i.civiliansKilled != null) extra.push(i.civiliansKilled + ' civilians');
    if (i.injured && best(i.injured) != null) extra.push(best(i.injured) + ' injured');
    li.querySelector('.extra').textContent = extra.join(', ');
    // A separator follows every part but the last shown one, so a wrapped line never starts with one.
    const parts = ['.date', '.type', '.actor', '.extra'].map(c => li.querySelector(c));
    const shown = parts.filter(e => e.textContent);
    parts.forEach(e => e.classList.toggle('sep', shown.indexOf(e) >= 0 && shown.indexOf(e) < shown.length - 1));
    renderClaims(li, i.incidentId);
    insertSorted(list, li);
    if (isNew) {
      li.classList.remove('new');
      void li.offsetWidth; // restart the highlight animation
      li.classList.add('new');
    }
    trimIncidents();
    counts();
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
    while (list.children.length > MAX_INCIDENTS) list.lastElementChild.remove();
    $('incidents-empty').hidden = list.children.length > 0;
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
      const span = document.createElement('span');
      span.className = 'claim ' + g.c.kind;
      span.title = (g.c.source ? g.c.source.name : '') + (g.c.speaker ? ' (' + g.c.speaker + ')' : '') +
        (g.agencies.size ? ', via ' + [...g.agencies].join(', ') : '');
      const strong = document.createElement('b');
      strong.textContent = g.who + ':';
      span.append(strong, ' ' + g.what);
      if (g.agencies.size > 1) {
        const n = document.createElement('span');
        n.className = 'via';
        n.textContent = ' · ' + g.agencies.size + ' agencies';
        span.appendChild(n);
      }
      box.appendChild(span);
    }
  }

  function removeIncident(id) {
    incidents.delete(id);
    const li = $('incidents').querySelector('li[data-id="' + CSS.escape(id) + '"]');
    if (li) {
      li.classList.add('removed');
      li.title = 'Retracted';
      setTimeout(() => { if (!incidents.has(id)) { li.remove(); trimIncidents(); } }, 4000);
    }
    counts();
  }

  async function toggleEvidence(li) {
    const box = li.querySelector('.evidence');
    if (!box.hidden) { box.hidden = true; return; }
    try {
      const res = await fetch('/v1/incidents/' + encodeURIComponent(li.dataset.id));
      if (!res.ok) return;
      const body = await res.json();
      box.textContent = '';
      for (const e of body.evidence) {
        const p = document.createElement('p');
        p.textContent = '“' + e.text + '”';
        box.appendChild(p);
      }
      const sources = (body.incident.mentions || []).map((m) => m.agency).filter(Boolean);
      if (sources.length) {
        const p = document.createElement('p');
        p.className = 'hint';
        p.textContent = 'Reported by ' + [...new Set(sources)].join(', ');
        box.appendChild(p);
      }
      box.hidden = false;
    } catch (e) { /* offline or gone: leave closed */ }
  }

  function upsertClaim(c) {
    if (!c.incidentId) return;
    if (!claimsByIncident.has(c.incidentId)) claimsByIncident.set(c.incidentId, new Map());
    claimsByIncident.get(c.incidentId).set(c.claimId, c);
    refreshClaims(c.incidentId);
  }

  function removeClaim(claimId) {
    for (const [incidentId, m] of claimsByIncident) {
      if (m.delete(claimId)) refreshClaims(incidentId);
    }
  }

  function refreshClaims(incidentId) {
    const li = $('incidents').querySelector('li[data-id="' + CSS.escape(incidentId) + '"]');
    if (li) renderClaims(li, incidentId);
  }

  // ---- alerts -------------------------------------------------------------------------------------------------

  function renderAlerts() {
    const box = $('alerts');
    box.textContent = '';
    // One line per subject (an incident or a region): its most severe, then newest alert, with a count of the rest,
    // so that three rules firing on one strike do not push a critical alert elsewhere off the banner.
    const rank = { CRITICAL: 3, WARNING: 2, INFO: 1 };
    const bySubject = new Map();
    for (const a of alerts.values()) {
      if (dismissed.has(a.alertId + '|' + a.severity)) continue;
      const key = a.incidentId || a.regionCode || a.subject;
      if (!bySubject.has(key)) bySubject.set(key, []);
      bySubject.get(key).push(a);
    }
    const order = (a, b) => (rank[b.severity] || 0) - (rank[a.severity] || 0) ||
      (b.raisedAt || '').localeCompare(a.raisedAt || '');
    const heads = [...bySubject.values()].map((list) => { list.sort(order); return { a: list[0], more: list.length - 1 }; })
      .sort((x, y) => order(x.a, y.a));
    const shown = heads.slice(0, MAX_ALERTS);
    for (const { a, more } of shown) {
      const div = document.createElement('div');
      div.className = 'alert ' + a.severity;
      div.setAttribute('role', 'alert');
      const sev = document.createElement('span'); sev.className = 'sev'; sev.textContent = a.severity;
      const title = document.createElement('span'); title.className = 'title'; title.textContent = a.title;
      const msg = document.createElement('span'); msg.className = 'msg'; msg.textContent = a.message; msg.title = a.message;
      const when = document.createElement('span'); when.className = 'when'; when.textContent = fmtTime(a.raisedAt);
      const close = document.createElement('button'); close.type = 'button'; close.textContent = '×';
      close.title = 'Dismiss';
      close.addEventListener('click', () => {
        for (const other of bySubject.get(a.incidentId || a.regionCode || a.subject)) {
          dismissed.add(other.alertId + '|' + other.severity);
        }
        renderAlerts();
      });
      const extra = document.createElement('span'); extra.className = 'when';
      extra.textContent = more > 0 ? '+' + more + ' more' : '';
      div.append(sev, title, msg, extra, when, close);
      box.appendChild(div);
    }
    if (heads.length > shown.length) {
      const rest = document.createElement('div');
      rest.className = 'alert-more';
      rest.textContent = (heads.length - shown.length) + ' more alerting subjects';
      box.appendChild(rest);
    }
    box.hidden = shown.length === 0;
    counts();
  }

  // ---- regions ------------------------------------------------------------------------------------------------

  function sparkline(days) {
    const w = 150, h = 28, n = days.length;
    const max = Math.max(1, ...days.map((d) => d.killed));
    const bw = w / n;
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('width', w); svg.setAttribute('height', h); svg.setAttribute('viewBox', '0 0 ' + w + ' ' + h);
    svg.setAttribute('role', 'img');
    const base = document.createElementNS(ns, 'line');
    base.setAttribute('x1', 0); base.setAttribute('x2', w); base.setAttribute('y1', h - 0.5); base.setAttribute('y2', h - 0.5);
    base.setAttribute('stroke', '#d5d9de');
    svg.appendChild(base);
    days.forEach((d, i) => {
      if (!d.killed) return;
      const bh = Math.max(2, Math.round((d.killed / max) * (h - 2)));
      const r = document.createElementNS(ns, 'rect');
      r.setAttribute('x', (i * bw + 0.5).toFixed(1)); r.setAttribute('width', Math.max(1, bw - 1).toFixed(1));
      r.setAttribute('y', h - bh); r.setAttribute('height', bh); r.setAttribute('fill', '#b3261e');
      const t = document.createElementNS(ns, 'title');
      t.textContent = d.date + ': ' + d.killed + ' killed, ' + d.incidents + ' incident(s)';
      r.appendChild(t);
      svg.appendChild(r);
    });
    svg.setAttribute('aria-label', 'killed per day, peak ' + max);
    return svg;
  }

  function killedCell(t) {
    const td = document.createElement('td');
    td.className = 'num';
    if (!t) { td.textContent = '0'; return td; }
    const b = best(t.killed);
    const strong = document.createElement('b');
    strong.textContent = b == null ? '0' : b;
    td.appendChild(strong);
    td.title = t.incidents + ' incident(s); killed ' + t.killed.low + '–' + t.killed.high + ' (' + t.windowStart + ' to ' + t.windowEnd + ')';
    return td;
  }

  async function loadRegions() {
    try {
      const res = await fetch('/v1/regions');
      if (!res.ok) return;
      const body = await res.json();
      $('asof').textContent = fmtDate(body.asOf);
      $('tally-source').textContent = body.source === 'streams-store' ? 'from the Streams stores' : 'from the tallies topic';
      const tbody = $('regions');
      const previous = new Map([...tbody.children].map((tr) => [tr.dataset.code, tr.dataset.sig]));
      tbody.textContent = '';
      // Countries first, each followed by its regions; inside, most killed over 30 days first.
      const rows = body.regions.filter((r) => r.incidents > 0 || r.tallies.P30D);
      const total = (r) => (r.tallies.P30D ? best(r.tallies.P30D.killed) || 0 : 0);
      const countries = rows.filter((r) => r.regionLevel === 'COUNTRY').sort((a, b) => total(b) - total(a));
      const ordered = [];
      for (const c of countries) {
        ordered.push(c);
        rows.filter((r) => r.regionLevel === 'ADMIN1' && r.countryCode === c.regionCode)
          .sort((a, b) => total(b) - total(a)).forEach((r) => ordered.push(r));
      }
      rows.filter((r) => !ordered.includes(r)).forEach((r) => ordered.push(r));
      for (const r of ordered) {
        const tr = document.createElement('tr');
        tr.className = r.regionLevel === 'COUNTRY' ? 'country' : 'admin1';
        tr.dataset.code = r.regionCode;
        const sig = JSON.stringify([r.tallies, r.daily]);
        tr.dataset.sig = sig;
        const name = document.createElement('td');
        name.className = 'name';
        name.append(r.regionName || r.regionCode);
        const code = document.createElement('span'); code.className = 'code'; code.textContent = r.regionCode;
        name.appendChild(code);
        const chart = document.createElement('td');
        chart.className = 'chart';
        chart.appendChild(sparkline(r.daily));
        tr.append(name, killedCell(r.tallies.P1D), killedCell(r.tallies.P7D), killedCell(r.tallies.P30D), chart);
        if (previous.has(r.regionCode) && previous.get(r.regionCode) !== sig) tr.classList.add('updated');
        tbody.appendChild(tr);
      }
      $('regions-empty').hidden = ordered.length > 0;
      $('count-regions').textContent = ordered.length;
    } catch (e) { /* next tally event retries */ }
  }

  function scheduleRegions() {
    if (regionsTimer) return;
    regionsTimer = setTimeout(() => { regionsTimer = null; loadRegions(); }, 400);
  }

  function counts() {
    $('count-incidents').textContent = incidents.size;
    $('count-alerts').textContent = alerts.size;
  }

  // ---- live stream --------------------------------------------------------------------------------------------

  function setStatus(state, text) {
    $('status').dataset.state = state;
    $('status-text').textContent = text;
  }

  function connect(position) {
    const url = '/v1/stream' + (position ? '?lastEventId=' + encodeURIComponent(position) : '');
    const es = new EventSource(url);
    es.addEventListener('hello', () => setStatus('live', 'Live'));
    es.onopen = () => setStatus('live', 'Live');
    es.onerror = () => setStatus('reconnecting', 'Reconnecting…');
    es.addEventListener('incident', (m) => {
      const i = JSON.parse(m.data);
      incidents.set(i.incidentId, i);
      renderIncident(i, true);
      scheduleRegions();
    });
    es.addEventListener('incident-removed', (m) => { removeIncident(JSON.parse(m.data).key); scheduleRegions(); });
    es.addEventListener('claim', (m) => upsertClaim(JSON.parse(m.data)));
    es.addEventListener('claim-removed', (m) => removeClaim(JSON.parse(m.data).key));
    es.addEventListener('tally', scheduleRegions);
    es.addEventListener('tally-removed', scheduleRegions);
    es.addEventListener('alert', (m) => { const a = JSON.parse(m.data); alerts.set(a.alertId, a); renderAlerts(); });
    es.addEventListener('alert-removed', (m) => { alerts.delete(JSON.parse(m.data).key); renderAlerts(); });
  }

  async function start() {
    let position = null;
    try {
      const res = await fetch('/v1/incidents?limit=' + MAX_INCIDENTS);
      const body = await res.json();
      position = body.position;
      for (const i of body.items.slice().reverse()) {
        incidents.set(i.incidentId, i);
        const m = new Map();
        (i.claims || []).forEach((c) => m.set(c.claimId, c));
        claimsByIncident.set(i.incidentId, m);
        renderIncident(i, false);
      }
      const alertsRes = await fetch('/v1/alerts?limit=20');
      const alertsBody = await alertsRes.json();
      alertsBody.items.forEach((a) => alerts.set(a.alertId, a));
      renderAlerts();
    } catch (e) {
      setStatus('reconnecting', 'Feed unreachable, retrying…');
      setTimeout(start, 3000);
      return;
    }
    trimIncidents();
    counts();
    loadRegions();
    connect(position);
  }

  start();
})();
