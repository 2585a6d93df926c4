// Cockpit dashboard plugin 逾期案件: first how many overdue tasks the user may see, by township and
// stage; then a page of them, narrowed to one township by clicking its row.
// Words as in Chinese Tasklist and Cockpit (locales/zh.json): 到期时间, 办理人, 认领, 正在加载….
const TITLE = '逾期案件';
const PAGE_SIZE = 50;
const LOAD_ERROR = '加载逾期案件时出错。请刷新页面后重试。';

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.forEach(child => node.append(child instanceof Node ? child : document.createTextNode(String(child ?? ''))));
  return node;
}

function getJson(api, path) {
  return fetch(`${api.cockpitApi}/plugin/overdue-cases/${api.engine}/overdue-tasks${path}`, {
    headers: {'Accept': 'application/json', 'X-XSRF-TOKEN': api.CSRFToken},
    credentials: 'same-origin'
  }).then(response => {
    if (!response.ok) throw new Error(response.status);
    return response.json();
  });
}

function summaryTable(summary, selectedCode, select) {
  const body = element('tbody');
  summary.townships.forEach(township => {
    const stages = township.stages.map(s => `${s.stage} ${s.count}`).join('、');
    // Only a township can narrow the list; a county's own tasks and those of no unit have no code.
    const name = township.townshipCode
      ? element('button', {type: 'button', class: 'btn btn-link overdue-cases-township-filter'}, township.townshipName)
      : township.townshipName;
    const row = element('tr', {}, element('td', {}, name), element('td', {class: 'overdue-cases-count'}, township.count),
      element('td', {}, stages));
    if (township.townshipCode) {
      row.classList.add('overdue-cases-filterable');
      row.addEventListener('click', () => select(township));
      if (township.townshipCode === selectedCode) row.classList.add('overdue-cases-selected');
    }
    body.append(row);
  });
  return element('table', {class: 'table table-condensed overdue-cases-summary'},
    element('thead', {}, element('tr', {}, ...['乡镇/街道', '逾期任务', '环节'].map(h => element('th', {}, h)))),
    body);
}

function taskTable(tasks) {
  const body = element('tbody');
  tasks.forEach(task => body.append(element('tr', {},
    element('td', {}, element('a', {href: `#/process-instance/${task.processInstanceId}/runtime`}, task.businessKey || task.processInstanceId)),
    element('td', {}, task.processName),
    element('td', {}, task.taskName),
    element('td', {}, task.unitName || ''),
    // Formatted by the server in the system's zone (北京时间), whatever the browser's zone.
    element('td', {}, task.dueDateText),
    element('td', {class: 'overdue-days'}, `${task.daysOverdue} 天`),
    element('td', {}, task.assigneeName || task.assignee || '未认领'),
    element('td', {}, task.escalated ? '已督办' : '待督办'))));
  // Scrolls sideways in a narrow window rather than cutting off the last columns.
  return element('div', {class: 'overdue-cases-scroll'}, element('table', {class: 'table table-striped overdue-cases-table'},
    element('thead', {}, element('tr', {},
      ...['案件', '流程', '环节', '办理单位', '到期时间', '逾期天数', '办理人', '督办'].map(h => element('th', {}, h)))),
    body));
}

function pager(page, go) {
  const last = page.firstResult + page.tasks.length;
  const range = page.tasks.length === 0 ? `共 ${page.total} 条` : `第 ${page.firstResult + 1}–${last} 条，共 ${page.total} 条`;
  const previous = element('button', {type: 'button', class: 'btn btn-default btn-sm'}, '上一页');
  const next = element('button', {type: 'button', class: 'btn btn-default btn-sm'}, '下一页');
  previous.disabled = page.firstResult === 0;
  next.disabled = last >= page.total;
  previous.addEventListener('click', () => go(Math.max(0, page.firstResult - page.maxResults)));
  next.addEventListener('click', () => go(last));
  return element('div', {class: 'overdue-cases-pager'}, previous, ' ', next, ' ',
    element('span', {class: 'overdue-cases-range'}, range));
}

function dashboard(node, api, summary) {
  const state = {township: null, firstResult: 0, request: 0};
  const summaryPart = element('div', {class: 'overdue-cases-overview'});
  const listTitle = element('h4', {class: 'overdue-cases-list-title'});
  const list = element('div', {class: 'overdue-cases-list'});

  function select(township) {
    state.township = township && township.townshipCode !== state.township?.townshipCode ? township : null;
    state.firstResult = 0;
    showSummary();
    loadPage();
  }

  function showSummary() {
    summaryPart.innerHTML = '';
    summaryPart.append(
      element('p', {class: 'overdue-cases-escalated'}, `已督办 ${summary.escalated} 件，待督办 ${summary.total - summary.escalated} 件。`),
      summaryTable(summary, state.township?.townshipCode, select));
  }

  function loadPage() {
    const request = ++state.request;
    const all = state.township === null;
    listTitle.innerHTML = '';
    listTitle.append(all ? '全部逾期任务' : `${state.township.townshipName}的逾期任务`);
    if (!all) {
      const clear = element('button', {type: 'button', class: 'btn btn-link btn-sm'}, '显示全部');
      clear.addEventListener('click', () => select(null));
      listTitle.append(' ', clear);
    }
    list.innerHTML = '';
    list.append(element('p', {}, '正在加载…'));
    const township = all ? '' : `&townshipCode=${encodeURIComponent(state.township.townshipCode)}`;
    getJson(api, `?firstResult=${state.firstResult}&maxResults=${PAGE_SIZE}${township}`)
      .then(page => {
        if (request !== state.request) return; // a later click has asked for another page
        list.innerHTML = '';
        list.append(taskTable(page.tasks), pager(page, first => {
          state.firstResult = first;
          loadPage();
        }));
      })
      .catch(() => {
        if (request !== state.request) return;
        list.innerHTML = '';
        list.append(element('p', {class: 'overdue-cases-error'}, LOAD_ERROR));
      });
  }

  node.innerHTML = '';
  const section = element('section', {class: 'overdue-cases'},
    element('h3', {class: 'section-title'}, `${TITLE}（${summary.total}）`));
  if (summary.total === 0) {
    section.append(element('p', {class: 'overdue-cases-empty'}, '当前没有逾期任务。'));
  } else {
    section.append(summaryPart, listTitle, list);
    showSummary();
    loadPage();
  }
  node.append(section);
}

// Cockpit shows dashboard plugins at the bottom, under 自定义插件; supervisors open Cockpit for this list, so its
// section goes above Cockpit's own (plugin.css hides that section's heading: the list has its own).
function moveToTop(node) {
  const section = node.closest('section.deprecate');
  const dashboard = section && section.closest('.dashboard');
  const sections = dashboard && dashboard.querySelector(':scope > .sections');
  if (sections && section.nextElementSibling !== sections) {
    section.classList.add('overdue-cases-first');
    dashboard.insertBefore(section, sections);
  }
}

export default {
  id: 'jiuzhu.overdue-cases',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  render: (node, {api}) => {
    setTimeout(() => moveToTop(node));
    node.innerHTML = `<section class="overdue-cases"><h3 class="section-title">${TITLE}</h3><p>正在加载…</p></section>`;
    getJson(api, '/summary')
      .then(summary => dashboard(node, api, summary))
      .catch(() => {
        node.innerHTML = '';
        node.append(element('section', {class: 'overdue-cases'}, element('h3', {class: 'section-title'}, TITLE),
          element('p', {class: 'overdue-cases-error'}, LOAD_ERROR)));
      });
  }
};
