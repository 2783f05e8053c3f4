// stakenet network map: pan and zoom, hover text, ego network on click, layer switches,
// search by name, #focus=ID and #layers=off:NAME,NAME in the address. Names are only ever
// set as textContent.
(function () {
  'use strict';
  document.documentElement.classList.add('js');
  var data = JSON.parse(document.getElementById('map-data').textContent);
  var svg = document.getElementById(data.prefix);
  if (!svg) { return; }
  var tip = document.getElementById('tip');
  var status = document.getElementById('status');
  var search = document.getElementById('search');
  var cut = data.prefix.length + 2;
  var nodes = data.nodes.map(function (_, i) { return document.getElementById(data.prefix + '-n' + i); });
  var labels = [];
  Array.prototype.forEach.call(svg.querySelectorAll('.label'), function (el) {
    labels[Number(el.getAttribute('data-node').slice(cut))] = el;
  });
  var edges = Array.prototype.slice.call(svg.querySelectorAll('.edge'));
  var indexById = {};
  data.nodes.forEach(function (n, i) { indexById[n.id] = i; });
  // The page's own hover text replaces the SVG's tooltips of actors.
  nodes.forEach(function (g) {
    var title = g && g.querySelector('title');
    if (title) { title.parentNode.removeChild(title); }
  });
  var hiddenLayers = {};
  var focused = null;
  var hits = [];

  // Pan and zoom through the view box.
  var home = svg.getAttribute('viewBox').split(' ').map(Number);
  var view = home.slice();
  function show(box) {
    view = box;
    svg.setAttribute('viewBox', box.map(function (v) { return v.toFixed(1); }).join(' '));
  }
  function toSvg(x, y) {
    var m = svg.getScreenCTM();
    if (!m) { return [view[0], view[1]]; }
    var p = svg.createSVGPoint();
    p.x = x; p.y = y;
    var q = p.matrixTransform(m.inverse());
    return [q.x, q.y];
  }
  svg.addEventListener('wheel', function (e) {
    e.preventDefault();
    var f = Math.exp(Math.max(-0.5, Math.min(0.5, e.deltaY * 0.0015)));
    var at = toSvg(e.clientX, e.clientY);
    show([at[0] - (at[0] - view[0]) * f, at[1] - (at[1] - view[1]) * f, view[2] * f, view[3] * f]);
  }, { passive: false });
  var drag = null;
  var dragged = false;
  svg.addEventListener('pointerdown', function (e) {
    if (e.button !== 0) { return; }
    drag = { x: e.clientX, y: e.clientY, box: view.slice(), moved: false };
  });
  window.addEventListener('pointermove', function (e) {
    if (!drag) { return; }
    var m = svg.getScreenCTM();
    if (!m) { return; }
    if (Math.abs(e.clientX - drag.x) + Math.abs(e.clientY - drag.y) > 3) {
      drag.moved = true;
      svg.classList.add('dragging');
    }
    if (drag.moved) {
      show([drag.box[0] - (e.clientX - drag.x) / m.a, drag.box[1] - (e.clientY - drag.y) / m.d,
        drag.box[2], drag.box[3]]);
    }
  });
  window.addEventListener('pointerup', function () {
    dragged = !!(drag && drag.moved);
    drag = null;
    svg.classList.remove('dragging');
  });
  function centreOn(i) {
    var c = nodes[i].querySelector('circle');
    var x = Number(c.getAttribute('cx')), y = Number(c.getAttribute('cy'));
    var w = Math.min(home[2], 900), h = w * home[3] / home[2];
    show([x - w / 2, y - h / 2, w, h]);
  }

  // Hover text.
  function nodeIndex(target) {
    var g = target && target.closest ? target.closest('.node') : null;
    return g ? Number(g.id.slice(cut)) : -1;
  }
  svg.addEventListener('mousemove', function (e) {
    var i = nodeIndex(e.target);
    if (i < 0 || drag) { tip.hidden = true; return; }
    var n = data.nodes[i];
    var lines = [n.name + ' (' + n.id + ')'];
    var facts = [];
    if (data.color_by !== 'sector') { facts.push(data.color_by + ': ' + data.groups[n.group]); }
    if (n.sector) { facts.push('sector ' + n.sector); }
    if (n.level) { facts.push('level ' + n.level); }
    if (facts.length) { lines.push(facts.join(' · ')); }
    lines.push(data.size_by + ': ' + (n.value === null ? '–' : n.value));
    lines.push('degree ' + n.degree + ' · strength ' + n.strength);
    tip.textContent = lines.join('\n');
    var stage = tip.parentNode.getBoundingClientRect();
    tip.style.left = (e.clientX - stage.left + 14) + 'px';
    tip.style.top = (e.clientY - stage.top + 14) + 'px';
    tip.hidden = false;
  });
  svg.addEventListener('mouseleave', function () { tip.hidden = true; });

  // The ego network: the actor, the actors tied to it on the visible layers, the ties among
  // them.
  var SVG_NS = 'http://www.w3.org/2000/svg';
  var labelLayer = svg.querySelector('.labels');
  function clearFocus() {
    focused = null;
    Array.prototype.forEach.call(svg.querySelectorAll('.focus-label'), function (el) {
      el.parentNode.removeChild(el);
    });
    svg.classList.remove('focused');
    Array.prototype.forEach.call(svg.querySelectorAll('[data-highlight]'), function (el) {
      el.removeAttribute('data-highlight');
    });
  }
  function mark(el, how) { if (el) { el.setAttribute('data-highlight', how); } }
  function focus(i) {
    clearFocus();
    focused = i;
    svg.classList.add('focused');
    var inside = {};
    inside[i] = 'focus';
    data.edges.forEach(function (e) {
      if (hiddenLayers[e[2]]) { return; }
      if (e[0] === i && !inside[e[1]]) { inside[e[1]] = 'neighbour'; }
      if (e[1] === i && !inside[e[0]]) { inside[e[0]] = 'neighbour'; }
    });
    var count = 0;
    Object.keys(inside).forEach(function (k) {
      mark(nodes[k], inside[k]);
      mark(labels[k], inside[k]);
      if (inside[k] === 'neighbour') { count += 1; }
      if (!labels[k] && labelLayer) {
        // An actor of the ego network without a drawn name gets one while it is lit up.
        var c = nodes[k].querySelector('circle');
        var text = document.createElementNS(SVG_NS, 'text');
        text.setAttribute('class', 'label focus-label');
        text.setAttribute('data-highlight', inside[k]);
        text.setAttribute('x', Number(c.getAttribute('cx')) + Number(c.getAttribute('r')) + 3);
        text.setAttribute('y', Number(c.getAttribute('cy')) + 4);
        text.textContent = data.nodes[k].name;
        labelLayer.appendChild(text);
      }
    });
    data.edges.forEach(function (e, k) {
      if (!hiddenLayers[e[2]] && inside[e[0]] && inside[e[1]]) { mark(edges[k], 'tie'); }
    });
    status.textContent = data.nodes[i].name + ': tied to ' + count + ' actor(s) on the map';
  }
  svg.addEventListener('click', function (e) {
    if (dragged) { dragged = false; return; }
    var i = nodeIndex(e.target);
    if (i < 0) {
      clearFocus();
      return;
    }
    focus(i);
    try { history.replaceState(null, '', '#focus=' + encodeURIComponent(data.nodes[i].id)); } catch (err) { /* a file: URL may refuse */ }
  });
  document.addEventListener('keydown', function (e) { if (e.key === 'Escape') { clearFocus(); } });

  // Layers.
  function setLayer(l, on) {
    if (on) { delete hiddenLayers[l]; } else { hiddenLayers[l] = true; }
    edges.forEach(function (el, k) {
      if (data.edges[k][2] === l) { el.style.display = on ? '' : 'none'; }
    });
    var box = document.querySelector('#layers input[data-layer="' + l + '"]');
    if (box) {
      box.checked = on;
      if (on) { box.setAttribute('checked', ''); } else { box.removeAttribute('checked'); }
    }
    if (focused !== null) { focus(focused); }
  }
  Array.prototype.forEach.call(document.querySelectorAll('#layers input'), function (box) {
    box.addEventListener('change', function () { setLayer(Number(box.getAttribute('data-layer')), box.checked); });
  });

  // Search by name (or id).
  search.addEventListener('input', function () {
    var q = search.value.trim().toLowerCase();
    Array.prototype.forEach.call(svg.querySelectorAll('[data-match]'), function (el) { el.removeAttribute('data-match'); });
    hits = [];
    if (!q) { status.textContent = ''; return; }
    data.nodes.forEach(function (n, i) {
      if (n.name.toLowerCase().indexOf(q) >= 0 || n.id.toLowerCase() === q) { hits.push(i); }
    });
    hits.forEach(function (i) { nodes[i].setAttribute('data-match', ''); });
    status.textContent = hits.length + ' found' + (hits.length ? '; Enter shows ' + data.nodes[hits[0]].name : '');
  });
  search.addEventListener('keydown', function (e) {
    if (e.key === 'Enter' && hits.length) { focus(hits[0]); centreOn(hits[0]); }
  });
  document.getElementById('reset').addEventListener('click', function () {
    clearFocus();
    show(home.slice());
    try { history.replaceState(null, '', location.pathname); } catch (err) { /* a file: URL may refuse */ }
  });

  // The address: #focus=ID&layers=off:NAME,NAME.
  function readHash() {
    var params = {};
    location.hash.replace(/^#/, '').split('&').forEach(function (part) {
      var eq = part.indexOf('=');
      if (eq <= 0) { return; }
      try {
        params[decodeURIComponent(part.slice(0, eq))] = decodeURIComponent(part.slice(eq + 1));
      } catch (err) { /* a malformed part is left out */ }
    });
    if (params.layers !== undefined) {
      var off = params.layers.indexOf('off:') === 0 ? params.layers.slice(4).split(',') : [];
      data.layers.forEach(function (name, l) { setLayer(l, off.indexOf(name) < 0); });
    }
    if (params.focus !== undefined && indexById[params.focus] !== undefined) {
      focus(indexById[params.focus]);
      centreOn(indexById[params.focus]);
    }
  }
  window.addEventListener('hashchange', readHash);
  readHash();
}());
