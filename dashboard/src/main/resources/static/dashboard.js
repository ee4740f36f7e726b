// The dashboard page. Everything that came from an event (type, key, payload, group and
// instance names, reasons) goes into the page as text nodes, never parsed as HTML.
'use strict';

(function () {
  const HISTORY_MS = 5 * 60 * 1000;
  const PALETTE = ['#cfe3ff', '#ffd9b3', '#d4f5d0', '#f3d1f4', '#fff2a8', '#c9f1f1', '#ffd0d0', '#e0d8ff',
    '#d9ead3', '#f8e1c4', '#d0e0e3', '#ead1dc'];

  const state = {
    rows: new Map(), // event id -> row
    maxRows: 200,
    eventsTopic: 'events',
    groups: null, // latest snapshot
    history: new Map(), // group -> [{at, lag, throughput}]
    colours: new Map() // instance -> colour
  };

  // Builds an element; string children become text nodes.
  function el(tag, className, ...children) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    for (const child of children) {
      if (child === null || child === undefined) {
        continue;
      }
      node.appendChild(typeof child === 'string' || typeof child === 'number'
        ? document.createTextNode(String(child)) : child);
    }
    return node;
  }

  function byId(id) {
    return document.getElementById(id);
  }

  function colourOf(instance) {
    if (!state.colours.has(instance)) {
      state.colours.set(instance, PALETTE[state.colours.size % PALETTE.length]);
    }
    return state.colours.get(instance);
  }

  // The instance whose name a client id carries (the services put it there); the longest wins,
  // so queue-worker-10 is not taken for queue-worker-1.
  function instanceOfClient(clientId) {
    let best = null;
    for (const instance of state.colours.keys()) {
      if (clientId && clientId.includes(instance) && (!best || instance.length > best.length)) {
        best = instance;
      }
    }
    return best;
  }

  function time(iso) {
    return iso ? new Date(iso).toLocaleTimeString() : '';
  }

  function sortKey(row) {
    if (row.publishedAt) {
      return Date.parse(row.publishedAt);
    }
    const times = row.deliveries.map((d) => Date.parse(d.processedAt))
      .concat(row.deadLetters.map((d) => Date.parse(d.deadLetteredAt)));
    return times.length ? Math.min(...times) : 0;
  }

  // ---- live deliveries --------------------------------------------------------------------

  function onDeliveries(message) {
    if (message.reset) {
      state.rows.clear();
    }
    for (const row of message.rows) {
      row.sortKey = sortKey(row);
      state.rows.set(row.id, row);
    }
    if (state.rows.size > state.maxRows) {
      const oldest = [...state.rows.values()].sort((a, b) => a.sortKey - b.sortKey)
        .slice(0, state.rows.size - state.maxRows);
      oldest.forEach((row) => state.rows.delete(row.id));
    }
    renderDeliveries();
  }

  // One column per group: every group that sent a receipt or a dead letter, and every group
  // that commits offsets on the events topic (so a group with nothing done yet shows too).
  function columns(rows) {
    const names = new Set();
    for (const row of rows) {
      row.deliveries.forEach((d) => names.add(d.group));
      row.deadLetters.forEach((d) => names.add(d.group));
    }
    if (state.groups) {
      for (const group of state.groups.groups) {
        if (group.totalLag !== null && group.partitions.some((p) => p.topic === state.eventsTopic)) {
          names.add(group.groupId);
        }
      }
    }
    return [...names].sort();
  }

  function renderDeliveries() {
    const rows = [...state.rows.values()].sort((a, b) => b.sortKey - a.sortKey);
    const groups = columns(rows);
    const head = byId('deliveries-head');
    head.replaceChildren(el('th', null, 'event'), el('th', null, 'published'), el('th', null, 'partition@offset'),
      ...groups.map((group) => el('th', 'group-column', group)));
    const body = byId('deliveries-body');
    body.replaceChildren(...rows.map((row) => renderRow(row, groups)));
    byId('deliveries-count').textContent = '(' + rows.length + ' events)';
  }

  function renderRow(row, groups) {
    const tr = el('tr', row.deadLetters.length ? 'dead' : null);
    tr.dataset.eventId = row.id;
    tr.appendChild(el('td', 'event',
      el('div', 'type', row.type !== null ? row.type : '(event not read yet)'),
      el('div', 'key', row.key !== null ? 'key ' + row.key : null),
      row.payload !== null ? el('div', 'payload', row.payload) : null,
      el('div', 'key', 'id ' + row.id)));
    tr.appendChild(el('td', null, time(row.publishedAt)));
    tr.appendChild(el('td', null, row.partition !== null ? row.partition + '@' + row.offset : ''));
    const deliveries = new Map(row.deliveries.map((d) => [d.group, d]));
    const deadLetters = new Map(row.deadLetters.map((d) => [d.group, d]));
    for (const group of groups) {
      tr.appendChild(renderCell(group, deliveries.get(group), deadLetters.get(group)));
    }
    return tr;
  }

  function renderCell(group, delivery, deadLetter) {
    if (deadLetter) {
      const cell = el('td', 'delivery dead', 'dead-lettered: ' + (deadLetter.reason || 'no reason given'));
      cell.dataset.group = group;
      cell.title = deadLetter.origin || '';
      return cell;
    }
    if (!delivery) {
      const cell = el('td', 'delivery pending', '…');
      cell.dataset.group = group;
      return cell;
    }
    const cell = el('td', 'delivery done', delivery.instance, delivery.receipts > 1 ? ' ×' + delivery.receipts : null);
    cell.dataset.group = group;
    cell.dataset.instance = delivery.instance;
    cell.title = 'processed at ' + time(delivery.processedAt)
      + (delivery.receipts > 1 ? ' (' + delivery.receipts + ' receipts: delivered again)' : '');
    cell.style.backgroundColor = colourOf(delivery.instance);
    return cell;
  }

  // ---- groups -----------------------------------------------------------------------------

  function onHistory(history) {
    state.history.clear();
    for (const [group, points] of Object.entries(history)) {
      state.history.set(group, points.map((p) => ({ at: Date.parse(p.at), lag: p.lag, throughput: p.throughput })));
    }
  }

  function onGroups(message) {
    const error = byId('groups-error');
    error.hidden = !message.error;
    error.textContent = message.error ? 'The broker does not answer: ' + message.error : '';
    if (!message.snapshot) {
      return;
    }
    state.groups = message.snapshot;
    const at = Date.parse(message.snapshot.takenAt);
    for (const group of message.snapshot.groups) {
      if (group.totalLag === null) {
        continue;
      }
      const points = state.history.get(group.groupId) || [];
      if (!points.length || points[points.length - 1].at < at) {
        points.push({ at: at, lag: group.totalLag, throughput: group.throughput });
      }
      while (points.length && points[0].at < at - HISTORY_MS) {
        points.shift();
      }
      state.history.set(group.groupId, points);
    }
    renderGroups();
  }

  function renderGroups() {
    const snapshot = state.groups;
    byId('groups-time').textContent = 'as of ' + time(snapshot.takenAt);
    const committing = snapshot.groups.filter((g) => g.totalLag !== null || g.type === 'share');
    const readers = snapshot.groups.filter((g) => !(g.totalLag !== null || g.type === 'share'));
    byId('groups').replaceChildren(...committing.map(renderGroup));
    byId('readers').textContent = readers.length
      ? 'Readers that commit no offsets (no lag to show): ' + readers.map((g) => g.groupId + ' (' + g.members.length
        + ' member' + (g.members.length === 1 ? '' : 's') + ')').join(', ')
      : '';
  }

  function renderGroup(group) {
    const box = el('div', 'group');
    box.dataset.group = group.groupId;
    const rate = group.throughput !== null ? group.throughput.toFixed(1) + ' records/s' : '–';
    box.appendChild(el('h3', null, group.groupId));
    box.appendChild(el('div', 'facts', group.type + ' group · ' + group.state + ' · ' + group.members.length
      + ' member' + (group.members.length === 1 ? '' : 's') + ' · total lag ' + (group.totalLag !== null ? group.totalLag : '–')
      + ' · ' + rate));
    const members = el('table', 'members', el('thead', null, el('tr', null, el('th', null, 'member (client id)'),
      el('th', null, 'partitions'))));
    const memberRows = el('tbody');
    for (const member of group.members) {
      const tr = el('tr', 'member' + (member.idle ? ' idle' : ''), el('td', null, member.clientId),
        el('td', 'owned', member.idle ? 'idle: no partition' : member.partitions.join(', ')));
      tr.dataset.clientId = member.clientId;
      const instance = instanceOfClient(member.clientId);
      if (instance) {
        tr.firstChild.style.backgroundColor = colourOf(instance);
      }
      memberRows.appendChild(tr);
    }
    members.appendChild(memberRows);
    box.appendChild(members);
    const partitions = el('table', 'partitions', el('thead', null, el('tr', null, el('th', null, 'partition'),
      el('th', null, 'owner'), el('th', null, group.type === 'share' ? 'start offset' : 'committed'),
      el('th', null, 'end'), el('th', null, 'lag'))));
    const partitionRows = el('tbody');
    for (const p of group.partitions) {
      partitionRows.appendChild(el('tr', null, el('td', null, p.topic + '-' + p.partition), el('td', null, p.owner || '–'),
        el('td', null, p.committedOffset !== null ? p.committedOffset : '–'),
        el('td', null, p.endOffset !== null ? p.endOffset : '–'), el('td', 'lag', p.lag !== null ? p.lag : '–')));
    }
    partitions.appendChild(partitionRows);
    box.appendChild(partitions);
    const canvas = el('canvas');
    box.appendChild(el('div', 'chart-legend', el('span', 'lag', '— lag'), ' ', el('span', 'rate', '— records/s'),
      ', last 5 minutes'));
    box.appendChild(canvas);
    requestAnimationFrame(() => drawChart(canvas, state.history.get(group.groupId) || []));
    return box;
  }

  // A small two-line chart: lag (left scale) and throughput (right scale) over the last minutes.
  function drawChart(canvas, points) {
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth || 300;
    const height = canvas.clientHeight || 80;
    canvas.width = width * ratio;
    canvas.height = height * ratio;
    const g = canvas.getContext('2d');
    g.scale(ratio, ratio);
    g.clearRect(0, 0, width, height);
    g.font = '10px sans-serif';
    const now = points.length ? points[points.length - 1].at : Date.now();
    const x = (at) => 30 + (width - 60) * (1 - (now - at) / HISTORY_MS);
    const line = (values, max, colour) => {
      g.strokeStyle = colour;
      g.lineWidth = 1.5;
      g.beginPath();
      let started = false;
      points.forEach((p, i) => {
        if (values[i] === null || values[i] === undefined) {
          return;
        }
        const y = height - 12 - (height - 20) * (max ? values[i] / max : 0);
        if (started) {
          g.lineTo(x(p.at), y);
        }
        else {
          g.moveTo(x(p.at), y);
          started = true;
        }
      });
      g.stroke();
    };
    const lags = points.map((p) => p.lag);
    const rates = points.map((p) => p.throughput);
    const maxLag = Math.max(1, ...lags);
    const maxRate = Math.max(1, ...rates.filter((r) => r !== null));
    g.strokeStyle = '#e5e8ee';
    g.strokeRect(30, 8, width - 60, height - 20);
    line(lags, maxLag, '#2156c7');
    line(rates, maxRate, '#17863f');
    g.fillStyle = '#2156c7';
    g.fillText(String(maxLag), 2, 14);
    g.fillStyle = '#17863f';
    g.fillText(maxRate.toFixed(0) + '/s', width - 28, 14);
    g.fillStyle = '#6b7385';
    g.fillText('-5 min', 30, height - 1);
    g.fillText('now', width - 50, height - 1);
  }

  // ---- publish ----------------------------------------------------------------------------

  function showResult(className, summary, details) {
    const result = byId('publish-result');
    result.className = 'result ' + className;
    result.replaceChildren(el('div', 'summary', summary),
      details ? el('details', null, el('summary', null, 'answer'), el('pre', null, details)) : null);
  }

  async function publish(event) {
    event.preventDefault();
    let payload;
    try {
      payload = JSON.parse(byId('publish-payload').value || '{}');
    }
    catch (ex) {
      showResult('problem', 'The payload is not valid JSON: ' + ex.message + '. Nothing was published.');
      return;
    }
    const work = byId('publish-work').value;
    const request = {
      type: byId('publish-type').value,
      key: byId('publish-key').value,
      payload: payload,
      workMs: work === '' ? null : Number(work),
      count: Number(byId('publish-count').value)
    };
    byId('publish-button').disabled = true;
    try {
      const response = await fetch('api/publish', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(request) });
      const text = await response.text();
      let body = null;
      try {
        body = JSON.parse(text);
      }
      catch (ex) {
        body = null;
      }
      const pretty = body !== null ? JSON.stringify(body, null, 2) : text;
      if (response.ok && body && body.results) {
        const partitions = [...new Set(body.results.map((r) => r.partition))].sort((a, b) => a - b);
        showResult('ok', response.status + ': ' + body.results.length + ' event' + (body.results.length === 1 ? '' : 's')
          + ' acknowledged by the broker, on partitions ' + partitions.join(', '), pretty);
      }
      else {
        const detail = body && body.detail ? body.detail : 'the producer-service answered ' + response.status;
        showResult('problem', response.status + ' ' + (body && body.title ? body.title + ': ' : '') + detail, pretty);
      }
    }
    catch (ex) {
      showResult('problem', 'The dashboard did not answer: ' + ex.message);
    }
    finally {
      byId('publish-button').disabled = false;
    }
  }

  // ---- stream -----------------------------------------------------------------------------

  function connect() {
    const connection = byId('connection');
    const source = new EventSource('api/stream');
    const on = (name, handler) => source.addEventListener(name, (e) => handler(JSON.parse(e.data)));
    on('hello', (hello) => {
      state.maxRows = hello.maxRows;
      state.eventsTopic = hello.eventsTopic;
    });
    on('deliveries', onDeliveries);
    on('history', onHistory);
    on('groups', onGroups);
    source.onopen = () => {
      connection.textContent = 'live';
      connection.className = 'connection live';
    };
    source.onerror = () => {
      // EventSource reconnects on its own; the server starts the new stream with every row.
      connection.textContent = 'reconnecting…';
      connection.className = 'connection down';
    };
  }

  document.addEventListener('DOMContentLoaded', () => {
    byId('publish-form').addEventListener('submit', publish);
    connect();
  });
})();
