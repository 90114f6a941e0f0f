// The herd as seen from this node: its own status comes live over /events; each neighbour's face it names is
// polled for /status (CORS), and theirs in turn, so the page finds every node it can reach through the links.
'use strict';

const SVG = 'http://www.w3.org/2000/svg';
const MAX_UPDATES = 50;
const MAX_SPARKS = 6;
const SPARK_POINTS = 40;

const nodes = new Map();   // name -> {status, ok}
const faces = new Map();   // name -> base URL of its HTTP face
const sparks = new Map();  // metric key -> recent values
let self = null;
// Where the default herd's nodes go, so that its six links do not cross; any other herd is drawn on a circle.
const LAYOUT = {Goloman: [200, 50], Hands: [340, 150], Wilkes: [200, 150], Holiday: [60, 150], Welsh: [60, 250]};
let polling = false;

function el(tag, attrs, text) {
  const e = tag.startsWith('svg:') ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function connect() {
  const feed = new EventSource('events');
  const state = document.getElementById('feed');
  feed.onopen = () => { state.textContent = 'live'; state.className = 'up'; };
  feed.onerror = () => { state.textContent = 'feed lost, retrying…'; state.className = 'down'; };
  feed.addEventListener('status', e => {
    const event = JSON.parse(e.data);
    const status = event.status;
    self = status.node;
    document.getElementById('self').textContent = '· ' + self;
    document.title = 'herd · ' + self;
    nodes.set(self, {status, ok: true});
    learnFaces(status);
    (event.updates || []).forEach(addUpdate);
    if (event.clients) drawClients(event.clients);
    render();
  });
}

function learnFaces(status) {
  for (const link of status.links || []) {
    if (link.http) faces.set(link.neighbour, link.http);
  }
}

async function pollOthers() {
  if (polling || !self) return;
  polling = true;
  try {
    await Promise.all([...faces].filter(([name]) => name !== self).map(async ([name, url]) => {
      try {
        const response = await fetch(url + '/status', {cache: 'no-store', signal: AbortSignal.timeout(1500)});
        if (!response.ok) throw new Error('HTTP ' + response.status);
        const status = await response.json();
        nodes.set(name, {status, ok: true});
        learnFaces(status);
      } catch (e) {
        const held = nodes.get(name);
        nodes.set(name, {status: held && held.status, ok: false});
      }
    }));
  } finally {
    polling = false;
  }
  render();
}

/** Every node seen or named by a link, and every link with what each reachable end says of it. */
function herd() {
  const names = new Set(nodes.keys());
  const links = new Map();
  for (const [name, node] of nodes) {
    for (const link of (node.status && node.status.links) || []) {
      names.add(link.neighbour);
      const key = [name, link.neighbour].sort().join('-');
      if (!links.has(key)) links.set(key, {ends: [name, link.neighbour].sort(), up: true});
      const ok = node.ok && isUp(link.neighbour);
      links.get(key).up = links.get(key).up && ok && link.up;
    }
  }
  return {names: [...names].sort(), links};
}

function isUp(name) {
  const node = nodes.get(name);
  return !!(node && node.ok);
}

function render() {
  const {names, links} = herd();
  const svg = document.getElementById('herd');
  svg.replaceChildren();
  const known = names.every(name => name in LAYOUT);
  const at = new Map(names.map((name, i) => {
    const angle = -Math.PI / 2 + 2 * Math.PI * i / names.length;
    return [name, known ? LAYOUT[name] : [200 + 120 * Math.cos(angle), 150 + 100 * Math.sin(angle)]];
  }));
  for (const [key, link] of links) {
    const [a, b] = link.ends.map(name => at.get(name));
    svg.append(el('svg:line', {class: 'link ' + (link.up ? 'up' : 'down'), 'data-link': key,
      x1: a[0], y1: a[1], x2: b[0], y2: b[1]}));
  }
  for (const name of names) {
    const [x, y] = at.get(name);
    const g = el('svg:g', {class: 'node ' + (isUp(name) ? 'up' : 'down') + (name === self ? ' self' : ''),
      'data-node': name});
    g.append(el('svg:circle', {cx: x, cy: y, r: 16}), el('svg:text', {x, y: y + 32}, name));
    svg.append(g);
  }
  renderTable(names);
}

function renderTable(names) {
  const body = document.querySelector('#nodes tbody');
  body.replaceChildren();
  for (const name of names) {
    const node = nodes.get(name);
    const s = node && node.status;
    const c = (s && s.counters) || {};
    const up = isUp(name);
    const connections = Object.entries(c).filter(([k]) => k.startsWith('connections.'))
      .reduce((sum, [, v]) => sum + v, 0);
    const places = c['places.provider'] === undefined ? '–' : c['places.provider']
      + (c['places.cache.hitRate'] === undefined ? '' : ' ' + Math.round(100 * c['places.cache.hitRate']) + '% hits');
    const row = el('tr', {'data-node': name});
    const cells = [name, up ? 'up' : 'down', s && up ? s.uptimeSeconds + ' s' : '–', c.locations ?? '–',
      c['metrics.points'] ?? '–', c['kv.entries'] ?? '–', s ? connections : '–', places];
    cells.forEach((text, i) => row.append(el('td', i === 1 ? {class: up ? 'up' : 'down'} : {}, String(text))));
    body.append(row);
  }
}

function addUpdate(update) {
  const list = document.getElementById('updates');
  const item = el('li', {'data-kind': update.kind});
  const time = new Date(update.at).toLocaleTimeString();
  item.append(el('span', {class: 'kind'}, update.kind), ' ' + time + ' from ' + (update.from || 'a client of ' + update.origin)
    + ': ' + update.text);
  list.prepend(item);
  while (list.children.length > MAX_UPDATES) list.lastChild.remove();
  if (update.kind === 'PUT') {
    const [key, value] = update.text.split(' ');
    const values = sparks.get(key) || [];
    sparks.delete(key);
    sparks.set(key, [...values, Number(value)].slice(-SPARK_POINTS));
    while (sparks.size > MAX_SPARKS) sparks.delete(sparks.keys().next().value);
    drawSparks();
  }
}

function drawSparks() {
  const box = document.getElementById('sparklines');
  box.replaceChildren();
  for (const [key, values] of sparks) {
    const lo = Math.min(...values), hi = Math.max(...values), span = hi - lo || 1;
    const points = values.map((v, i) => (values.length === 1 ? 50 : 100 * i / (values.length - 1)).toFixed(1)
      + ',' + (28 - 26 * (v - lo) / span).toFixed(1)).join(' ');
    const svg = el('svg:svg', {viewBox: '0 0 100 30', preserveAspectRatio: 'none'});
    svg.append(el('svg:polyline', {points}));
    const spark = el('div', {class: 'spark', 'data-key': key});
    spark.append(el('div', {}, key + ' ' + values[values.length - 1]), svg);
    box.append(spark);
  }
}

function drawClients(clients) {
  const svg = document.getElementById('clients');
  svg.replaceChildren();
  for (const c of clients) {
    const dot = el('svg:circle', {class: 'client', 'data-client': c.client, cx: c.lon, cy: -c.lat, r: 2});
    dot.append(el('svg:title', {}, c.client + ' at ' + c.lat + ',' + c.lon + ' (via ' + c.server + ')'));
    svg.append(dot);
  }
}

async function drawWorld() {
  const canvas = document.getElementById('world');
  const g = canvas.getContext('2d');
  g.fillStyle = '#eef2f6';
  g.fillRect(0, 0, canvas.width, canvas.height);
  const world = await (await fetch('world.json')).json();
  const sx = canvas.width / 360, sy = canvas.height / 180;
  g.fillStyle = '#b7c3cf';
  for (let i = 0; i < world.points.length; i += 2) {
    const lat = world.points[i], lon = world.points[i + 1];
    g.fillRect((lon + 180) * sx, (90 - lat - world.step) * sy, world.step * sx, world.step * sy);
  }
}

connect();
drawWorld();
setInterval(pollOthers, 1000);
