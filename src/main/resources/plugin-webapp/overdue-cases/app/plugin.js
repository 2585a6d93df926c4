// Cockpit dashboard plugin 逾期案件: overdue tasks the user may see, by township and stage.
// Words as in Chinese Tasklist and Cockpit (locales/zh.json): 到期时间, 办理人, 认领, 正在加载….
const TITLE = '逾期案件';

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.forEach(child => node.append(child instanceof Node ? child : document.createTextNode(String(child ?? ''))));
  return node;
}

function formatDate(iso) {
  const date = new Date(iso);
  const pad = n => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function group(tasks) {
  const townships = new Map();
  tasks.forEach(task => {
    const township = task.townshipName || '（未归属单位）';
    if (!townships.has(township)) townships.set(township, new Map());
    const stages = townships.get(township);
    if (!stages.has(task.taskName)) stages.set(task.taskName, []);
    stages.get(task.taskName).push(task);
  });
  return townships;
}

function table(tasks) {
  const body = element('tbody');
  tasks.forEach(task => body.append(element('tr', {},
    element('td', {}, element('a', {href: `#/process-instance/${task.processInstanceId}/runtime`}, task.businessKey || task.processInstanceId)),
    element('td', {}, task.processName),
    element('td', {}, task.unitName || ''),
    element('td', {}, formatDate(task.dueDate)),
    element('td', {class: 'overdue-days'}, `${task.daysOverdue} 天`),
    element('td', {}, task.assignee || `未认领（${task.candidateGroup || '—'}）`),
    element('td', {}, task.escalated ? '已督办' : '待督办'))));
  return element('table', {class: 'table table-striped overdue-cases-table'},
    element('thead', {}, element('tr', {},
      ...['案件', '流程', '办理单位', '到期时间', '逾期天数', '办理人', '督办'].map(h => element('th', {}, h)))),
    body);
}

function render(node, tasks) {
  node.innerHTML = '';
  const section = element('section', {class: 'overdue-cases'}, element('h3', {class: 'section-title'}, `${TITLE}（${tasks.length}）`));
  if (tasks.length === 0) {
    section.append(element('p', {class: 'overdue-cases-empty'}, '当前没有逾期任务。'));
  }
  group(tasks).forEach((stages, township) => {
    const block = element('div', {class: 'overdue-cases-township'}, element('h4', {}, township));
    stages.forEach((stageTasks, stage) => {
      block.append(element('h5', {}, `${stage}：${stageTasks.length} 件`), table(stageTasks));
    });
    section.append(block);
  });
  node.append(section);
}

export default {
  id: 'jiuzhu.overdue-cases',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  render: (node, {api}) => {
    node.innerHTML = `<section class="overdue-cases"><h3 class="section-title">${TITLE}</h3><p>正在加载…</p></section>`;
    fetch(`${api.cockpitApi}/plugin/overdue-cases/${api.engine}/overdue-tasks`, {
      headers: {'Accept': 'application/json', 'X-XSRF-TOKEN': api.CSRFToken},
      credentials: 'same-origin'
    })
      .then(response => {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(tasks => render(node, tasks))
      .catch(() => {
        node.innerHTML = '';
        node.append(element('section', {class: 'overdue-cases'}, element('h3', {class: 'section-title'}, TITLE),
          element('p', {class: 'overdue-cases-error'}, '加载逾期案件时出错。请刷新页面后重试。')));
      });
  }
};
