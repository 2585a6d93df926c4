// 统计分析: draws the charts of /dashboard from the figures at /dashboard/data (ECharts).
(function () {
  'use strict';

  var FONT = '"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';
  var MUTED = '#5c6370';
  // One colour per process, in the order the figures list the processes.
  var PROCESS_COLOURS = ['#b3261e', '#0b57d0', '#1a7f37', '#8250df', '#bf8700'];
  var ROW_HEIGHT = 34;

  var url = document.currentScript.getAttribute('data-url');
  var charts = [];

  function chartIn(id, rows) {
    var element = document.getElementById(id);
    if (rows) {
      // Horizontal bars: one row per stage, so long lists get taller instead of overlapping.
      element.style.height = Math.max(280, rows * ROW_HEIGHT + 70) + 'px';
    }
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    charts.push(chart);
    return chart;
  }

  function base() {
    return {
      textStyle: { fontFamily: FONT },
      color: PROCESS_COLOURS,
      animation: false
    };
  }

  function showEmpty(chart, text, detail) {
    var option = base();
    option.graphic = [{
      type: 'group', left: 'center', top: 'middle',
      children: [
        { type: 'text', left: 'center', top: 0, style: { text: text, fill: MUTED, fontSize: 16, fontFamily: FONT } },
        { type: 'text', left: 'center', top: 28, style: { text: detail || '', fill: MUTED, fontSize: 13, fontFamily: FONT } }
      ]
    }];
    chart.setOption(option);
  }

  function processNames(figures) {
    var names = {};
    figures.processes.forEach(function (p) { names[p.key] = p.name; });
    return names;
  }

  /**
   * Horizontal bars of stages (one category per process and stage) with one series per process;
   * the series overlap (barGap -100%) since each stage belongs to one process only.
   */
  function stageBars(chart, figures, rows, bars) {
    var names = processNames(figures);
    var keys = figures.processes.map(function (p) { return p.key; })
      .filter(function (key) { return rows.some(function (r) { return r.processKey === key; }); });
    rows.forEach(function (r) { if (keys.indexOf(r.processKey) < 0) { keys.push(r.processKey); } });
    var option = base();
    option.color = keys.map(function (key) {
      var index = figures.processes.findIndex(function (p) { return p.key === key; });
      return PROCESS_COLOURS[(index < 0 ? figures.processes.length : index) % PROCESS_COLOURS.length];
    });
    option.legend = { top: 0, data: keys.map(function (key) { return names[key] || key; }) };
    option.grid = { left: 8, right: 64, top: 36, bottom: 8, containLabel: true };
    option.tooltip = {
      trigger: 'item',
      formatter: function (p) { return names[rows[p.dataIndex].processKey] + '<br>' + bars.tooltip(rows[p.dataIndex]); }
    };
    option.xAxis = {
      type: 'value', minInterval: bars.wholeNumbers ? 1 : 0,
      axisLabel: { show: !bars.valuesOnBarsOnly, color: MUTED }
    };
    option.yAxis = {
      type: 'category', inverse: true, axisTick: { show: false },
      data: rows.map(function (r) { return r.stage; }),
      axisLabel: { color: '#1f2328', fontSize: 13 }
    };
    option.series = keys.map(function (key) {
      return {
        name: names[key] || key, type: 'bar', barGap: '-100%', barMaxWidth: 22,
        label: { show: true, position: 'right', formatter: function (p) { return bars.label(rows[p.dataIndex]); } },
        data: rows.map(function (r) { return r.processKey === key ? bars.value(r) : '-'; })
      };
    });
    chart.setOption(option);
  }

  function openByStage(figures) {
    var rows = figures.openByStage;
    var chart = chartIn('chart-open-by-stage', rows.length);
    if (!rows.length) {
      showEmpty(chart, '暂无在办案件');
      return;
    }
    stageBars(chart, figures, rows, {
      value: function (r) { return r.count; },
      label: function (r) { return r.count + ' 件'; },
      tooltip: function (r) { return r.stage + '：在办 ' + r.count + ' 件'; },
      wholeNumbers: true
    });
  }

  /** Days with one decimal; under a day in hours (the same-day stages). */
  function duration(days) {
    return days >= 1 ? days.toFixed(1) + ' 天' : (days * 24).toFixed(1) + ' 小时';
  }

  function averageDays(figures) {
    var rows = figures.averageDaysByStage;
    var chart = chartIn('chart-average-days', rows.length);
    if (!rows.length) {
      showEmpty(chart, '暂无数据', '近 12 个月没有办结的环节');
      return;
    }
    stageBars(chart, figures, rows, {
      value: function (r) { return r.averageDays; },
      label: function (r) { return duration(r.averageDays); },
      tooltip: function (r) { return r.stage + '：平均 ' + duration(r.averageDays) + '（办结 ' + r.completed + ' 件）'; },
      // Days and hours mix: the bars carry their values, an axis in days would read 0.01, 0.02 …
      valuesOnBarsOnly: true
    });
  }

  function overdueByTownship(figures) {
    var rows = figures.overdueByTownship;
    var chart = chartIn('chart-overdue-by-township');
    if (!figures.overdueTotal) {
      showEmpty(chart, '暂无逾期件', rows.length ? '各乡镇（街道）的案件均在办理期限内' : '');
      return;
    }
    var option = base();
    option.grid = { left: 8, right: 16, top: 24, bottom: 8, containLabel: true };
    option.tooltip = { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: function (p) {
      return p[0].name + '：逾期 ' + p[0].value + ' 件';
    } };
    option.xAxis = {
      type: 'category', data: rows.map(function (r) { return r.name; }),
      axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0, color: '#1f2328', fontSize: 13 }
    };
    option.yAxis = { type: 'value', minInterval: 1, axisLabel: { color: MUTED } };
    option.series = [{
      name: '逾期件', type: 'bar', barMaxWidth: 40, itemStyle: { color: '#b3261e' },
      label: { show: true, position: 'top', formatter: function (p) { return p.value ? p.value + ' 件' : ''; } },
      data: rows.map(function (r) { return r.count; })
    }];
    chart.setOption(option);
  }

  function percent(rate) {
    return Math.round(rate * 1000) / 10 + '%';
  }

  function sameDay(figures) {
    var c = figures.emergencySameDay;
    var chart = chartIn('chart-same-day');
    if (!c.filed) {
      showEmpty(chart, '暂无已备案的急难件', c.inReview ? '审批中 ' + c.inReview + ' 件' : '');
      return;
    }
    var option = base();
    option.color = ['#1a7f37', '#bf8700'];
    option.tooltip = { trigger: 'item', formatter: '{b}：{c} 件（{d}%）' };
    option.legend = { bottom: 0, data: ['当日办结', '非当日办结'] };
    option.graphic = [
      { type: 'text', left: 'center', top: '38%', style: {
        text: percent(c.rate), fill: '#1f2328', fontSize: 26, fontWeight: 'bold', fontFamily: FONT } },
      { type: 'text', left: 'center', top: '52%', style: {
        text: '当日办结率', fill: MUTED, fontSize: 13, fontFamily: FONT } },
      { type: 'text', left: 'center', top: 4, style: {
        text: '县级备案 ' + c.filed + ' 件，其中当日办结 ' + c.sameDay + ' 件' + (c.inReview ? '；审批中 ' + c.inReview + ' 件' : ''),
        fill: MUTED, fontSize: 13, fontFamily: FONT } }
    ];
    option.series = [{
      name: '急难件', type: 'pie', radius: ['42%', '62%'], center: ['50%', '48%'],
      label: { formatter: '{b}\n{c} 件', fontSize: 13 },
      // An empty slice would only add a stray label.
      data: [
        { name: '当日办结', value: c.sameDay },
        { name: '非当日办结', value: c.filed - c.sameDay }
      ].filter(function (slice) { return slice.value > 0; })
    }];
    chart.setOption(option);
  }

  function monthLabel(month) {
    var parts = month.split('-');
    return parts[0] + '年' + Number(parts[1]) + '月';
  }

  function applications(figures) {
    var rows = figures.applicationsPerMonth;
    var chart = chartIn('chart-applications');
    var total = rows.reduce(function (sum, r) { return sum + r.count; }, 0);
    if (!total) {
      showEmpty(chart, '暂无申请', '近 12 个月没有低保申请');
      return;
    }
    var option = base();
    option.grid = { left: 8, right: 16, top: 24, bottom: 8, containLabel: true };
    option.tooltip = { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: function (p) {
      return p[0].name + '：申请 ' + p[0].value + ' 件';
    } };
    option.xAxis = {
      type: 'category', data: rows.map(function (r) { return monthLabel(r.month); }),
      axisLabel: { color: '#1f2328', fontSize: 12 }
    };
    option.yAxis = { type: 'value', minInterval: 1, axisLabel: { color: MUTED } };
    option.series = [{
      name: '申请量', type: 'bar', barMaxWidth: 36, itemStyle: { color: '#0b57d0' },
      label: { show: true, position: 'top', formatter: function (p) { return p.value ? p.value : ''; } },
      data: rows.map(function (r) { return r.count; })
    }];
    chart.setOption(option);
  }

  function summary(figures) {
    var open = figures.openByStage.reduce(function (sum, r) { return sum + r.count; }, 0);
    var applied = figures.applicationsPerMonth.reduce(function (sum, r) { return sum + r.count; }, 0);
    var rate = figures.emergencySameDay.rate;
    document.getElementById('kpi-open').textContent = open;
    document.getElementById('kpi-overdue').textContent = figures.overdueTotal;
    document.getElementById('kpi-same-day').textContent = rate === null ? '—' : percent(rate);
    document.getElementById('kpi-applications').textContent = applied;
    document.getElementById('period').textContent =
      monthLabel(figures.periodFrom) + '至' + monthLabel(figures.periodTo);
  }

  function render(figures) {
    summary(figures);
    openByStage(figures);
    overdueByTownship(figures);
    averageDays(figures);
    sameDay(figures);
    applications(figures);
  }

  fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    })
    .then(render)
    .catch(function () {
      document.getElementById('dashboard-error').hidden = false;
    });

  window.addEventListener('resize', function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
})();
