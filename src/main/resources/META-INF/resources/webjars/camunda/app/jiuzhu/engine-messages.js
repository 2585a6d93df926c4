// The engine's own refusals reach the webapps as English text in their notifications, e.g. when a
// supervisor opens a Cockpit view that needs more than their county's cases. For a Chinese browser
// the common ones are put into Chinese where they appear.
import {chinese} from './language.js';

const PERMISSIONS = {READ: '查看', UPDATE: '修改', CREATE: '创建', DELETE: '删除', READ_HISTORY: '查看历史',
  READ_INSTANCE: '查看实例', UPDATE_INSTANCE: '修改实例', ACCESS: '访问', TASK_WORK: '办理', TASK_ASSIGN: '指派'};
const RESOURCES = {Task: '任务', ProcessInstance: '流程实例', ProcessDefinition: '流程定义', Deployment: '部署',
  DecisionDefinition: '决策定义', HistoricProcessInstance: '历史流程实例', HistoricTask: '历史任务', Batch: '批量操作',
  User: '用户', Group: '用户组', Tenant: '租户', Authorization: '授权', Filter: '过滤器', Application: '应用'};

const PATTERNS = [
  [/The user with id '([^']+)' does not have (?:one of the following permissions: )?'([^']+)' permission on resource '([^']*)' of type '([^']+)'\.?/,
    (user, permission, resource, type) => `当前账号（${user}）没有${resource === '*' ? '全部' : '“' + resource + '”'}${RESOURCES[type] || type}的${PERMISSIONS[permission] || permission}权限，请联系系统管理员。`],
  [/The user with id '([^']+)' does not have '([^']+)' permission on resource '([^']*)'\.?/,
    (user, permission, resource) => `当前账号（${user}）没有“${resource}”的${PERMISSIONS[permission] || permission}权限，请联系系统管理员。`]
];

export function translate(text) {
  for (const [pattern, chineseText] of PATTERNS) {
    const match = text.match(pattern);
    if (match) {
      return text.replace(match[0], chineseText(...match.slice(1))).replace(/^\s*Error:\s*/, '');
    }
  }
  return text;
}

// Cockpit prints a refusal as its JavaScript error ("Error: " + message), also when our server's message is
// Chinese already: the prefix goes when Chinese follows it.
const ERROR_BEFORE_CHINESE = /^(\s*)Error:\s*(?=[^\s]*[\u3400-\u9fff])/;

// Tasklist names the data that failed to load before the reason ("<task> <- 该任务不存在…", in the title
// escaped once more as "&lt;task&gt; &lt;-"): a developer's notation, left out before a Chinese reason.
const DATA_NAME_BEFORE_CHINESE = /(?:<|&lt;)[\w.]+(?:>|&gt;)\s*(?:<|&lt;)-\s*(?=[^\s]*[\u3400-\u9fff])/g;

function translateTree(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.currentNode; node !== null; node = walker.nextNode()) {
    if (node.nodeType !== Node.TEXT_NODE) {
      continue;
    }
    let text = node.nodeValue;
    if (text.includes('permission')) {
      text = translate(text);
    }
    text = text.replace(ERROR_BEFORE_CHINESE, '$1').replace(DATA_NAME_BEFORE_CHINESE, '');
    if (text !== node.nodeValue) {
      node.nodeValue = text;
    }
  }
}

if (chinese && typeof MutationObserver !== 'undefined') {
  new MutationObserver(mutations => {
    for (const mutation of mutations) {
      if (mutation.type === 'characterData') {
        translateTree(mutation.target);
      } else {
        mutation.addedNodes.forEach(translateTree);
      }
    }
  }).observe(document.documentElement, {childList: true, subtree: true, characterData: true});
}
