// blocwatch dyad page: the monthly chart (uPlot) and, on a click, the events behind a month from /api/events.
(function () {
  "use strict";
  var holder = document.getElementById("chart");
  var source = document.getElementById("dyad-data");
  if (!holder || !source) return;
  var data = JSON.parse(source.textContent);
  var months = data.months;
  var root = holder.dataset.root || "";
  var pair = holder.dataset.a + "-" + holder.dataset.b;
  var list = document.getElementById("evidence-list");
  var hint = document.getElementById("evidence-hint");
  var section = document.getElementById("evidence");

  function seconds(iso) { return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, 1) / 1000; }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // The sentence as text nodes, with <mark> around trigger and actors (marks: [start, end, kind]).
  function sentence(text, marks) {
    var node = element("blockquote"), pos = 0;
    marks.slice().sort(function (x, y) { return x[0] - y[0]; }).forEach(function (m) {
      if (m[0] < pos) return;
      node.appendChild(document.createTextNode(text.slice(pos, m[0])));
      node.appendChild(element("mark", m[2], text.slice(m[0], m[1])));
      pos = m[1];
    });
    node.appendChild(document.createTextNode(text.slice(pos)));
    return node;
  }

  function show(month, page) {
    list.textContent = "";
    var label = month.month.slice(0, 7);
    hint.textContent = page.total ? page.total + " event" + (page.total === 1 ? "" : "s") + " in " + label +
      (page.total > page.rows.length ? " (the first " + page.rows.length + " are shown)" : "") + "." :
      "No events in " + label + ".";
    page.rows.forEach(function (row) {
      var item = element("li");
      item.appendChild(element("b", "", row.date + " · " + row.source + " → " + row.target));
      item.appendChild(document.createTextNode(" · CAMEO " + row.code + " · " + row.mode + " "));
      if (row.doc_id) {
        var link = element("a", "", "document");
        link.href = root + "/document/" + encodeURIComponent(row.doc_id);
        item.appendChild(link);
      }
      item.appendChild(row.sentence ? sentence(row.sentence, row.marks || []) :
        element("p", "meta", "No sentence: an imported event."));
      list.appendChild(item);
    });
  }

  function load(index) {
    var month = months[index];
    if (!month) return;
    var url = root + "/api/events?dyad=" + pair + "&since=" + month.month + "&until=" + month.until +
      "&mode=asserted&size=50";
    hint.textContent = "Loading " + month.month.slice(0, 7) + "…";
    fetch(url, { headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (page) { show(month, page); section.focus(); })
      .catch(function (error) { hint.textContent = "Could not load the events (" + error.message + ")."; });
  }

  section.tabIndex = -1;
  Array.prototype.forEach.call(document.querySelectorAll("a.load-month"), function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      load(months.findIndex(function (m) { return m.month === link.dataset.since; }));
    });
  });

  if (typeof uPlot === "undefined" || !months.length) return;
  var xs = months.map(function (m) { return seconds(m.month); });
  var column = function (key) { return months.map(function (m) { return m[key]; }); };
  var marks = [
    { at: data.change_points.map(function (c) { return seconds(c.date); }), colour: "#5b6475", dash: [6, 4] },
    { at: data.alerts.map(function (x) { return seconds(x.period); }), colour: "#b2182b", dash: [] }
  ];
  function drawMarks(u) {
    var ctx = u.ctx;
    ctx.save();
    ctx.lineWidth = 2;
    marks.forEach(function (kind) {
      ctx.strokeStyle = kind.colour;
      ctx.setLineDash(kind.dash);
      kind.at.forEach(function (x) {
        var px = u.valToPos(x, "x", true);
        ctx.beginPath();
        ctx.moveTo(px, u.bbox.top);
        ctx.lineTo(px, u.bbox.top + u.bbox.height);
        ctx.stroke();
      });
    });
    ctx.restore();
  }
  var count = function (label, colour) {
    return { label: label, scale: "n", stroke: colour, width: 1.5, points: { show: true, size: 5 } };
  };
  var plot = new uPlot({
    width: holder.clientWidth || 800,
    height: 320,
    tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"); },
    scales: { x: { time: true }, nc: { range: [-1.05, 1.05] } },
    series: [
      { label: "month", value: function (u, v) { return v == null ? "–" : new Date(v * 1000).toISOString().slice(0, 7); } },
      count("verbal coop.", "#6baed6"), count("material coop.", "#2166ac"),
      count("verbal confl.", "#f4a582"), count("material confl.", "#b2182b"),
      { label: "net cooperation", scale: "nc", stroke: "#1d2330", width: 3, points: { show: true, size: 7 } }
    ],
    axes: [{}, { scale: "n", label: "events" }, { scale: "nc", side: 1, label: "NC", grid: { show: false } }],
    hooks: { draw: [drawMarks] }
  }, [xs, column("vc"), column("mc"), column("vk"), column("mk"), column("nc")], holder);
  plot.over.addEventListener("click", function () {
    if (plot.cursor.idx != null) load(plot.cursor.idx);
  });
  window.addEventListener("resize", function () { plot.setSize({ width: holder.clientWidth, height: 320 }); });
  window.blocwatchChart = { plot: plot, months: months, load: load };
})();
