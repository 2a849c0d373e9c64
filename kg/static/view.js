/* kg view: draws the embedded graph data with vis-network. Report text is only ever set as
   textContent (never innerHTML), so names and sentences stay data. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var FONT = '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", ' +
    '"Microsoft YaHei", "Hiragino Sans GB", sans-serif';

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  var typeInfo = {};
  data.types.forEach(function (t) { typeInfo[t.name] = t; });
  var relationInfo = {};
  data.relations.forEach(function (r) { relationInfo[r.name] = r; });
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });

  function onlyPlanned(statuses) {
    return statuses.length > 0 && statuses.every(function (s) { return s === "planned"; });
  }

  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    var t = typeInfo[n.type];
    var node = {
      id: n.id, label: n.short, value: n.value, shape: t.shape,
      title: el("div", n.tip, "kg-tip"),
      color: { background: t.color, border: t.border,
               highlight: { background: t.color, border: "#000" }, hover: { background: t.color, border: "#000" } },
      borderWidth: onlyPlanned(n.statuses) ? 2 : 1,
      shapeProperties: { borderDashes: onlyPlanned(n.statuses) ? [3, 3] : false }
    };
    if (n.x !== undefined) { node.x = n.x; node.y = n.y; }
    return node;
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    return {
      id: e.id, from: e.from, to: e.to, label: e.label, title: el("div", e.tip, "kg-tip"),
      dashes: onlyPlanned(e.statuses), color: { color: "#9aa4b0", highlight: "#333", hover: "#555" }
    };
  }));

  var big = data.nodes.length > 300;
  var options = {
    autoResize: true,
    layout: { improvedLayout: false, randomSeed: 7 },
    nodes: {
      scaling: { min: 8, max: 34, label: { enabled: true, min: 12, max: 20, drawThreshold: 6 } },
      font: { face: FONT, size: 13, color: "#222", strokeWidth: 3, strokeColor: "#fff" }
    },
    edges: {
      arrows: { to: { enabled: true, scaleFactor: 0.45 } },
      font: { face: FONT, size: 10, color: "#556", strokeWidth: 3, strokeColor: "#fff", align: "middle" },
      smooth: big ? false : { enabled: true, type: "continuous", roundness: 0.3 },
      width: 1, selectionWidth: 2
    },
    interaction: { hover: true, tooltipDelay: 120, hideEdgesOnDrag: big, hideEdgesOnZoom: big, keyboard: false },
    physics: data.physics ? {
      enabled: true, solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -70, centralGravity: 0.012, springLength: 110,
                          springConstant: 0.06, damping: 0.5, avoidOverlap: 0.3 },
      maxVelocity: 60, minVelocity: 1.5, timestep: 0.4,
      stabilization: { enabled: true, iterations: data.iterations, updateInterval: 50, fit: true }
    } : { enabled: false }
  };

  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);

  /* Settled: physics off so nothing moves any more, then flag the next drawn frame. */
  function settle() {
    if (window.kgStable) return;
    window.kgStable = true;
    network.setOptions({ physics: { enabled: false } });
    network.once("afterDrawing", function () {
      window.kgReady = true;
      document.body.setAttribute("data-ready", "true");
    });
    if (!data.physics) network.fit();
    network.redraw();
  }
  if (data.physics) {
    network.once("stabilizationIterationsDone", settle);
    network.once("stabilized", settle);
  } else {
    settle();
  }

  /* Notes, counts, legend and filters. */
  var notes = document.getElementById("kg-notes");
  data.notes.forEach(function (text) { notes.appendChild(el("li", text)); });

  function filterList(listId, items, makeSwatch) {
    var list = document.getElementById(listId);
    items.forEach(function (item) {
      var li = el("li"), label = el("label"), box = el("input");
      box.type = "checkbox"; box.checked = true; box.value = item.name;
      box.setAttribute("data-filter", item.name);
      label.appendChild(box);
      if (makeSwatch) label.appendChild(makeSwatch(item));
      label.appendChild(el("span", item.zh + " " + item.name));
      li.appendChild(label);
      li.appendChild(el("span", String(item.count), "kg-n"));
      list.appendChild(li);
      box.addEventListener("change", applyFilters);
    });
    return list;
  }
  function checked(list) {
    var out = {};
    Array.prototype.forEach.call(list.querySelectorAll("input[type=checkbox]"), function (box) {
      if (box.checked) out[box.value] = true;
    });
    return out;
  }
  var typeList = filterList("kg-types", data.types, function (t) {
    var sw = el("span", null, "kg-swatch kg-shape-" + t.shape);
    sw.style.background = t.color;
    return sw;
  });
  var statusList = filterList("kg-statuses", data.statuses, null);
  var relList = document.getElementById("kg-relations");
  data.relations.forEach(function (r) {
    var li = el("li");
    li.appendChild(el("span", r.name, "kg-rel"));
    li.appendChild(el("span", r.zh));
    li.appendChild(el("span", String(r.count), "kg-n"));
    relList.appendChild(li);
  });

  var visible = {};
  function applyFilters() {
    var types = checked(typeList), statuses = checked(statusList);
    var shown = 0;
    visible = {};
    nodes.update(data.nodes.map(function (n) {
      var on = !!types[n.type] && n.statuses.some(function (s) { return statuses[s]; });
      if (on) { visible[n.id] = true; shown += 1; }
      return { id: n.id, hidden: !on };
    }));
    edges.update(data.edges.map(function (e) {
      var on = visible[e.from] && visible[e.to] && e.statuses.some(function (s) { return statuses[s]; });
      return { id: e.id, hidden: !on };
    }));
    document.getElementById("kg-count").textContent =
      "显示 " + shown + " / " + data.nodes.length + " 个实体，" + data.edges.length + " 条关系 · Showing " +
      shown + " of " + data.nodes.length + " entities";
  }
  applyFilters();

  /* Details of a node, as text. */
  function showDetails(id) {
    var n = byId[id], box = document.getElementById("kg-details-body");
    box.textContent = "";
    if (!n) { document.getElementById("kg-details").hidden = true; return; }
    box.appendChild(el("h3", n.label));
    var dl = el("dl");
    function row(term, value) {
      if (!value) return;
      dl.appendChild(el("dt", term));
      dl.appendChild(el("dd", value));
    }
    var t = typeInfo[n.type];
    row("类型 Type", t.zh + " " + n.type);
    row("别名 Aliases", n.aliases.join("、"));
    row("状态 Status", n.statuses.join(", "));
    row("年份 Year", n.years.join(", "));
    row("定义 Definition", n.definition);
    row("IRI", n.iri);
    box.appendChild(dl);
    var rels = el("ul");
    data.edges.forEach(function (e) {
      if (e.from === id || e.to === id) {
        rels.appendChild(el("li", byId[e.from].label + " → " + e.label + " → " + byId[e.to].label));
      }
    });
    if (rels.childNodes.length) { box.appendChild(el("h2", "关系 Relations")); box.appendChild(rels); }
    if (n.sentences.length) {
      var sents = el("ul");
      n.sentences.forEach(function (s) { sents.appendChild(el("li", s)); });
      box.appendChild(el("h2", "来源句 Source sentences"));
      box.appendChild(sents);
    }
    document.getElementById("kg-details").hidden = false;
  }
  network.on("selectNode", function (params) { showDetails(params.nodes[0]); });
  network.on("deselectNode", function () { showDetails(null); });

  /* Search: exact name, then exact alias, then part of a name or alias. */
  var names = document.getElementById("kg-names");
  var seen = {};
  data.nodes.forEach(function (n) {
    [n.label].concat(n.aliases).forEach(function (name) {
      if (seen[name]) return;
      seen[name] = true;
      var option = el("option");
      option.value = name;
      names.appendChild(option);
    });
  });
  function find(query) {
    var q = query.trim().toLowerCase();
    if (!q) return null;
    var tests = [
      function (n) { return n.label.toLowerCase() === q; },
      function (n) { return n.aliases.some(function (a) { return a.toLowerCase() === q; }); },
      function (n) { return n.label.toLowerCase().indexOf(q) >= 0; },
      function (n) { return n.aliases.some(function (a) { return a.toLowerCase().indexOf(q) >= 0; }); }
    ];
    for (var i = 0; i < tests.length; i++) {
      var hits = data.nodes.filter(tests[i]);
      if (hits.length) {
        hits.sort(function (a, b) { return b.value - a.value; });
        return hits[0];
      }
    }
    return null;
  }
  function search(query) {
    var status = document.getElementById("kg-search-status");
    var hit = find(query);
    if (!hit) { status.textContent = "未找到 Not found"; return null; }
    status.textContent = visible[hit.id] ? "" : "已被筛选隐藏 Hidden by a filter";
    network.selectNodes([hit.id]);
    network.focus(hit.id, { scale: Math.max(network.getScale(), 1.2), animation: { duration: 400 } });
    showDetails(hit.id);
    return hit.id;
  }
  document.getElementById("kg-search-form").addEventListener("submit", function (event) {
    event.preventDefault();
    search(document.getElementById("kg-search").value);
  });

  window.kgView = {
    network: network, nodes: nodes, edges: edges, data: data, search: search,
    visibleNodeIds: function () {
      return nodes.get({ filter: function (n) { return !n.hidden; } }).map(function (n) { return n.id; });
    }
  };
})();
