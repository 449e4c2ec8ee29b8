// Draws the charts of the declaration, dashboard and SQL pages, and the trader network, from the
// JSON the server embedded.
(function () {
  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }
  var SYMBOLS = { importer: 'circle', declarant: 'rect', seller: 'triangle', courier: 'roundRect' };
  // The trader network, force-directed (ECharts' graph series). Tooltips are drawn as rich text on
  // the canvas, never as HTML: party ids are data, and the page's CSP allows no inline styles.
  function network() {
    var n = data('network-data');
    var el = document.getElementById('network-chart');
    if (!n || !el || typeof echarts === 'undefined') { return; }
    var categories = n.communities.map(function (c) { return { name: n.labels.community + ' ' + c }; });
    categories.push({ name: n.labels.other });
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      color: ['#0b4f9c', '#6a1b9a', '#00695c', '#8a6500', '#ad1457', '#37474f', '#1565c0', '#4e342e', '#9aa5b1'],
      tooltip: { renderMode: 'richText', formatter: function (p) {
        if (p.dataType !== 'node') { return ''; }
        var d = p.data.raw;
        return d.role + ' ' + d.id + '\n' + n.labels.inspected + ' ' + d.inspected + ' · ' + n.labels.frauds + ' '
          + d.frauds + (d.community >= 0 ? '\n' + n.labels.community + ' ' + d.community : '') + (d.ring ? '\n' + n.labels.ring : '');
      } },
      legend: [{ data: categories.map(function (c) { return c.name; }), bottom: 0 }],
      series: [{
        type: 'graph', layout: 'force', roam: true, draggable: true, categories: categories,
        force: { repulsion: 140, edgeLength: [40, 140], gravity: 0.08 },
        label: { show: true, position: 'right', formatter: '{b}', fontSize: 10, color: '#1d2733' },
        lineStyle: { color: '#9aa5b1', opacity: 0.8 },
        emphasis: { focus: 'adjacency' },
        data: n.nodes.map(function (d, i) {
          var c = n.communities.indexOf(d.community);
          return { id: String(i), name: d.id, category: c < 0 ? categories.length - 1 : c,
            symbol: d.ring ? 'diamond' : SYMBOLS[d.kind] || 'circle',
            symbolSize: 8 + 4 * Math.log(1 + d.degree) + (i === 0 ? 10 : 0),
            itemStyle: d.frauds > 0 ? { borderColor: '#c62828', borderWidth: 3 } : { borderColor: '#fff', borderWidth: 1 },
            raw: d };
        }),
        links: n.links.map(function (l) {
          return { source: String(l.source), target: String(l.target),
            lineStyle: { width: Math.min(6, 0.5 + Math.log(1 + l.weight)) } };
        })
      }]
    });
    chart.on('click', function (p) { if (p.dataType === 'node') { window.location.href = p.data.raw.href; } });
    window.addEventListener('resize', function () { chart.resize(); });
    el.setAttribute('data-drawn', 'true');
  }
  function draw() {
    network();
    if (typeof Chart === 'undefined') { return; }
    var reasons = data('reasons-data');
    if (reasons && document.getElementById('reasons-chart')) {
      new Chart(document.getElementById('reasons-chart'), {
        type: 'bar',
        data: { labels: reasons.labels, datasets: [{ label: reasons.name, data: reasons.weights, backgroundColor: '#c62828' }] },
        options: { indexAxis: 'y', animation: false, plugins: { legend: { display: false } } }
      });
    }
    var sql = data('sql-data');
    if (sql && document.getElementById('sql-chart')) {
      new Chart(document.getElementById('sql-chart'), {
        type: sql.type,
        data: { labels: sql.labels, datasets: [{ label: sql.y + ' by ' + sql.x, data: sql.values,
          backgroundColor: '#1d2733', borderColor: '#1d2733' }] },
        options: { animation: false }
      });
    }
    var d = data('dashboard-data');
    if (d) {
      new Chart(document.getElementById('lane-mix'), {
        type: 'bar',
        data: { labels: d.days, datasets: [
          { label: d.names.red, data: d.red, backgroundColor: '#c62828' },
          { label: d.names.yellow, data: d.yellow, backgroundColor: '#f2c230' },
          { label: d.names.green, data: d.green, backgroundColor: '#2e7d32' }] },
        options: { animation: false, scales: { x: { stacked: true }, y: { stacked: true } } }
      });
      var hits = new Chart(document.getElementById('hit-rate-chart'), {
        type: 'line',
        data: { labels: d.hitDays, datasets: [
          { label: d.names.hitRate, data: d.hitRate, borderColor: '#9aa5b1', borderWidth: 1 },
          { label: d.names.hitSmooth, data: d.hitSmooth, borderColor: '#1d2733', borderWidth: 3, pointRadius: 0 }] },
        options: { animation: false, scales: { y: { min: 0, max: 1 } } }
      });
      var smooth = document.getElementById('smooth-toggle');
      if (smooth) {
        smooth.addEventListener('change', function () {
          hits.setDatasetVisibility(1, smooth.checked);
          hits.update();
        });
      }
      new Chart(document.getElementById('precision-chart'), {
        type: 'bar',
        data: { labels: d.k.map(function (k) { return d.names.top.replace('{0}', k); }), datasets: [{ label: d.names.precision, data: d.precision, backgroundColor: '#1d2733' }] },
        options: { animation: false, scales: { y: { min: 0, max: 1 } } }
      });
      new Chart(document.getElementById('drift-chart'), {
        type: 'line',
        data: { labels: d.driftDays, datasets: [{ label: d.names.meanScore, data: d.meanScore, borderColor: '#c62828' }] },
        options: { animation: false }
      });
    }
  }
  // Keyboard: in the queue j / k move the focus to the next / previous case; on a case n opens
  // the next case. Keys typed into a field are left alone.
  function keys(e) {
    var t = e.target;
    if (e.altKey || e.ctrlKey || e.metaKey || (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)))) { return; }
    if (e.key === 'n') {
      var next = document.getElementById('next-case');
      if (next) { window.location.href = next.href; }
      return;
    }
    if (e.key !== 'j' && e.key !== 'k') { return; }
    var links = Array.prototype.slice.call(document.querySelectorAll('a.case-link'));
    if (!links.length) { return; }
    var at = links.indexOf(document.activeElement);
    var to = e.key === 'j' ? Math.min(links.length - 1, at + 1) : Math.max(0, at - 1);
    links[to].focus();
    e.preventDefault();
  }
  document.addEventListener('keydown', keys);
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', draw); } else { draw(); }
}());
