// Camunda Forms (form-js 1.8, inside Tasklist) writes its own few words in English, outside the
// webapp's translations: validation messages, the select's placeholder, the list buttons. For a
// Chinese browser they are put into Chinese as they appear; data and labels from our forms are
// Chinese already and are left alone.
import {chinese} from './language.js';
// The other corrections of form-js inside Tasklist: date pickers, errors of dynamic lists, numbers.
import './form-dates.js';
import './form-lists.js';
import './form-numbers.js';

const WORDS = new Map([
  ['Field is required.', '此项为必填项。'],
  ['Field must be a valid email.', '请填写有效的电子邮箱。'],
  ['Value is not a number.', '请填写数字。'],
  ['Value is expected to be an integer.', '请填写整数。'],
  ['Select', '请选择'],
  ['Search', '搜索'],
  ['No results', '没有匹配的选项'],
  ['Add new', '添加'],
  ['Remove', '删除'],
  ['Clear', '清除'],
  ['Collapse', '收起'],
  ['Expand', '展开'],
  ['Previous', '上一页'],
  ['Next', '下一页'],
  ['Date', '日期'],
  ['Time', '时间'],
  ['mm/dd/yyyy', '年-月-日'],
  ['hh:mm', '时:分']
]);

const PATTERNS = [
  [/^Field must have minimum value of (.+)\.$/, '不能小于 $1。'],
  [/^Field must have maximum value of (.+)\.$/, '不能大于 $1。'],
  [/^Field must have minimum length of (\d+)\.$/, '至少填写 $1 个字。'],
  [/^Field must have maximum length of (\d+)\.$/, '不能超过 $1 个字。'],
  [/^Field must match pattern .+\.$/, '格式不正确，请按说明填写。'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, '最多保留 $1 位小数。'],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/, '数值无效，最接近的有效值为 $1 和 $2。'],
  [/^Field must be a valid +international phone number.*$/, '请填写有效的电话号码。']
];

export function translate(text) {
  const trimmed = text.trim();
  if (WORDS.has(trimmed)) {
    return text.replace(trimmed, WORDS.get(trimmed));
  }
  for (const [pattern, chineseText] of PATTERNS) {
    if (pattern.test(trimmed)) {
      return text.replace(trimmed, trimmed.replace(pattern, chineseText));
    }
  }
  return text;
}

function inForm(node) {
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  return element !== null && element.closest('.fjs-container') !== null;
}

function translateTree(root) {
  if (!inForm(root)) {
    return;
  }
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.currentNode; node !== null; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      const translated = translate(node.nodeValue);
      if (translated !== node.nodeValue) {
        node.nodeValue = translated;
      }
    }
  }
  const elements = root.nodeType === Node.ELEMENT_NODE ? [root, ...root.querySelectorAll('[placeholder], [title], [aria-label]')] : [];
  for (const element of elements) {
    for (const attribute of ['placeholder', 'title', 'aria-label']) {
      const value = element.getAttribute && element.getAttribute(attribute);
      if (value) {
        const translated = translate(value);
        if (translated !== value) {
          element.setAttribute(attribute, translated);
        }
      }
    }
  }
}

if (chinese && typeof MutationObserver !== 'undefined') {
  new MutationObserver(mutations => {
    for (const mutation of mutations) {
      if (mutation.type === 'characterData') {
        translateTree(mutation.target);
      } else if (mutation.type === 'attributes') {
        translateTree(mutation.target);
      } else {
        mutation.addedNodes.forEach(translateTree);
      }
    }
  }).observe(document.documentElement, {childList: true, subtree: true, characterData: true,
    attributes: true, attributeFilter: ['placeholder']});
}
