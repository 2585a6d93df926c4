// A few words the webapps write straight into their pages, outside their translation files: button
// tooltips of the diagram, a table header, sample names in the profile form. For a Chinese browser
// they are put into Chinese where they appear; nothing else on the page is touched.
import {chinese} from './language.js';

const TEXTS = new Map([
  ['Actions', '操作'],
  ['Toggle this section', '展开/收起'],
  ['Select all', '全选'],
  ['Suspended Job Definition', '已挂起的作业定义'],
  ['Invalid Date Value.', '日期无效。'],
  // An empty field of Cockpit's sidebar (上级流程实例 ID) and the variable types of its tables.
  ['null', '无'],
  ['String', '文本'],
  ['Boolean', '是/否'],
  ['Short', '短整数'],
  ['Integer', '整数'],
  ['Long', '长整数'],
  ['Double', '小数'],
  ['Date', '日期'],
  ['Json', '结构化数据'],
  ['Object', '对象'],
  ['Null', '空值'],
  ['Bytes', '二进制数据'],
  ['File', '文件']
]);
const ATTRIBUTES = new Map([
  ['zoom in', '放大'],
  ['zoom out', '缩小'],
  ['reset zoom', '恢复原始大小'],
  ['Toggle this section', '展开/收起'],
  ['Jonny', '名'],
  ['Prosciutto', '姓'],
  ['j.prosciutto@acme.org', 'name@example.com'],
  ['varName', '变量名']
]);
const NAMED = ['title', 'placeholder', 'aria-label'];

function translateElement(element) {
  for (const name of NAMED) {
    const value = element.getAttribute(name);
    if (value !== null && ATTRIBUTES.has(value)) {
      element.setAttribute(name, ATTRIBUTES.get(value));
    }
  }
}

function translateTree(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    const text = root.nodeValue.trim();
    if (TEXTS.has(text)) {
      root.nodeValue = root.nodeValue.replace(text, TEXTS.get(text));
    }
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  translateElement(root);
  root.querySelectorAll('[title], [placeholder], [aria-label]').forEach(translateElement);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    translateTree(node);
  }
}

if (chinese && typeof MutationObserver !== 'undefined') {
  new MutationObserver(mutations => {
    for (const mutation of mutations) {
      if (mutation.type === 'childList') {
        mutation.addedNodes.forEach(translateTree);
      } else {
        translateTree(mutation.target);
      }
    }
  }).observe(document.documentElement, {childList: true, subtree: true, characterData: true,
    attributes: true, attributeFilter: NAMED});
}
