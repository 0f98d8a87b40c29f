/*
 * The dashboard's chart (R-REPORT): NPS over time, one line per series, the 95 % margin as a band around it, and a
 * suppressed or missing cell as a gap (null, spanGaps: false). Everything comes from the canvas#nps-chart data-
 * attributes: data-source (the report as JSON, the same as GET /api/v1/reports/nps, authorised by the session
 * cookie), data-by, data-locale and the texts. The table below the chart has the same figures without JavaScript.
 *
 * When the chart is drawn the canvas gets data-ready="true" ("error" if it could not be); Chart.getChart(canvas)
 * then gives the chart. Each series has three datasets, in this order, each marked with palauteRole and
 * palauteSeries: "lower" (NPS − margin), "upper" (NPS + margin, filled down to "lower") and "nps" (the line).
 * A series is one combination of the breakdown's values; with no breakdown the one series is the total.
 */
(function () {
  'use strict';

  var canvas = document.getElementById('nps-chart');
  if (!canvas) {
    return;
  }
  var texts = canvas.dataset;
  var status = document.getElementById('chart-status');
  var COLOURS = ['#0050a0', '#b3470b', '#13733a', '#7a2a9e', '#b0182b', '#0b6e6a', '#7a5c00', '#40408f'];
  var POINTS = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star', 'rectRounded', 'cross'];
  var DASHES = [[], [6, 3], [2, 2], [8, 3, 2, 3]];
  // series i and i + 8 share a colour: the second round of colours gets another dash and marker, so up to 32
  // series (channel × language is 15) stay apart in the legend without relying on colour alone beyond that

  function say(text) {
    if (status) {
      status.textContent = text || '';
    }
  }

  function fail() {
    canvas.setAttribute('data-ready', 'error');
    say(texts.failedText);
  }

  function valueLabels() {
    try {
      return JSON.parse(texts.valueLabels || '{}');
    } catch (e) {
      return {};
    }
  }

  function translucent(hex, alpha) {
    var n = parseInt(hex.slice(1), 16);
    return 'rgba(' + ((n >> 16) & 255) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + alpha + ')';
  }

  function round1(x) {
    return Math.round(x * 10) / 10;
  }

  /** The report's cells as series: one per combination of the breakdown's values, in order of appearance. */
  function seriesOf(report, labels) {
    var dims = report.by.map(function (d) { return d.toLowerCase(); });
    var periods = [];
    var seenPeriods = {};
    var series = [];
    var byKey = {};
    report.cells.forEach(function (cell) {
      if (!seenPeriods[cell.period]) {
        seenPeriods[cell.period] = true;
        periods.push(cell.period);
      }
      var complete = dims.every(function (d) { return typeof cell[d] === 'string'; });
      if (!complete) {
        return; // a total inside a breakdown: the table shows it, the chart draws the breakdown
      }
      var key = dims.map(function (d) { return cell[d]; }).join('\u0001');
      if (!byKey[key]) {
        byKey[key] = {
          key: key,
          label: dims.length === 0 ? texts.totalLabel
              : dims.map(function (d) { return labels[cell[d]] || cell[d]; }).join(' · '),
          cells: {}
        };
        series.push(byKey[key]);
      }
      byKey[key].cells[cell.period] = cell;
    });
    return { periods: periods, series: series };
  }

  function datasetsOf(shape) {
    var datasets = [];
    shape.series.forEach(function (s, i) {
      var colour = COLOURS[i % COLOURS.length];
      var published = shape.periods.map(function (p) {
        var cell = s.cells[p];
        return cell && cell.suppressed === false && cell.answers > 0 ? cell : null; // suppressed or no answers: a gap
      });
      var nps = published.map(function (c) { return c ? c.nps : null; });
      var lower = published.map(function (c) { return c ? round1(Math.max(-100, c.nps - c.margin)) : null; });
      var upper = published.map(function (c) { return c ? round1(Math.min(100, c.nps + c.margin)) : null; });
      var band = { borderWidth: 0, pointRadius: 0, pointHoverRadius: 0, pointHitRadius: 0, spanGaps: false,
        borderColor: translucent(colour, 0), backgroundColor: translucent(colour, 0.16),
        palauteSeries: s.key };
      datasets.push(Object.assign({ label: s.label + ' (' + texts.bandLabel + ')', data: lower, fill: false,
        palauteRole: 'lower' }, band));
      datasets.push(Object.assign({ label: s.label + ' (' + texts.bandLabel + ')', data: upper, fill: '-1',
        palauteRole: 'upper' }, band));
      datasets.push({ label: s.label, data: nps, spanGaps: false, fill: false,
        borderColor: colour, backgroundColor: colour, borderWidth: 2, borderDash: DASHES[Math.floor(i / COLOURS.length) % DASHES.length],
        pointStyle: POINTS[Math.floor(i / COLOURS.length) % POINTS.length], pointRadius: 4, pointHoverRadius: 6,
        palauteRole: 'nps', palauteSeries: s.key,
        palauteAnswers: published.map(function (c) { return c ? c.answers : null; }),
        palauteMargin: published.map(function (c) { return c ? c.margin : null; }) });
    });
    return datasets;
  }

  function yRange(datasets) {
    var low = 0;
    var high = 0;
    datasets.forEach(function (ds) {
      ds.data.forEach(function (v) {
        if (v !== null) {
          low = Math.min(low, v);
          high = Math.max(high, v);
        }
      });
    });
    return { min: Math.max(-100, Math.floor((low - 5) / 10) * 10), max: Math.min(100, Math.ceil((high + 5) / 10) * 10) };
  }

  function draw(report) {
    var shape = seriesOf(report, valueLabels());
    var datasets = datasetsOf(shape);
    var number = new Intl.NumberFormat(texts.locale || undefined,
        { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    var range = yRange(datasets);
    var anyPoint = datasets.some(function (ds) {
      return ds.palauteRole === 'nps' && ds.data.some(function (v) { return v !== null; });
    });
    new Chart(canvas, {
      type: 'line',
      data: { labels: shape.periods, datasets: datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        spanGaps: false,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        scales: {
          y: { min: range.min, max: range.max, title: { display: true, text: 'NPS' } },
          x: { title: { display: false } }
        },
        plugins: {
          legend: {
            labels: {
              usePointStyle: true,
              filter: function (item, data) { return data.datasets[item.datasetIndex].palauteRole === 'nps'; }
            },
            // a series' line and its band are shown and hidden together
            onClick: function (event, item, legend) {
              var chart = legend.chart;
              var key = chart.data.datasets[item.datasetIndex].palauteSeries;
              var visible = chart.isDatasetVisible(item.datasetIndex);
              chart.data.datasets.forEach(function (ds, i) {
                if (ds.palauteSeries === key) {
                  chart.setDatasetVisibility(i, !visible);
                }
              });
              chart.update();
            }
          },
          tooltip: {
            filter: function (item) { return item.dataset.palauteRole === 'nps'; },
            callbacks: {
              label: function (item) {
                var ds = item.dataset;
                return ds.label + ': ' + number.format(item.parsed.y) + ' ± '
                    + number.format(ds.palauteMargin[item.dataIndex]) + ' (' + ds.palauteAnswers[item.dataIndex]
                    + ' ' + texts.answersLabel + ')';
              }
            }
          }
        }
      }
    });
    canvas.setAttribute('data-ready', 'true');
    say(anyPoint ? '' : texts.emptyText);
  }

  if (typeof window.Chart !== 'function' || typeof window.fetch !== 'function') {
    fail();
    return;
  }
  say(texts.loadingText);
  window.fetch(texts.source, { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('status ' + response.status);
      }
      return response.json();
    })
    .then(draw)
    .catch(fail);
}());
