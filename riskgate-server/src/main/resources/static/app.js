// Draws the charts of the declaration, dashboard and SQL pages from the JSON the server embedded.
(function () {
  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }
  function draw() {
    if (typeof Chart === 'undefined') { return; }
    var reasons = data('reasons-data');
    if (reasons && document.getElementById('reasons-chart')) {
      new Chart(document.getElementById('reasons-chart'), {
        type: 'bar',
        data: { labels: reasons.labels, datasets: [{ label: 'push on the risk', data: reasons.weights, backgroundColor: '#c62828' }] },
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
          { label: 'red', data: d.red, backgroundColor: '#c62828' },
          { label: 'yellow', data: d.yellow, backgroundColor: '#f2c230' },
          { label: 'green', data: d.green, backgroundColor: '#2e7d32' }] },
        options: { animation: false, scales: { x: { stacked: true }, y: { stacked: true } } }
      });
      new Chart(document.getElementById('hit-rate-chart'), {
        type: 'line',
        data: { labels: d.hitDays, datasets: [{ label: 'hit rate', data: d.hitRate, borderColor: '#1d2733' }] },
        options: { animation: false, scales: { y: { min: 0, max: 1 } } }
      });
      new Chart(document.getElementById('precision-chart'), {
        type: 'bar',
        data: { labels: d.k.map(function (k) { return 'top ' + k; }), datasets: [{ label: 'precision', data: d.precision, backgroundColor: '#1d2733' }] },
        options: { animation: false, scales: { y: { min: 0, max: 1 } } }
      });
      new Chart(document.getElementById('drift-chart'), {
        type: 'line',
        data: { labels: d.driftDays, datasets: [{ label: 'mean model score', data: d.meanScore, borderColor: '#c62828' }] },
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
