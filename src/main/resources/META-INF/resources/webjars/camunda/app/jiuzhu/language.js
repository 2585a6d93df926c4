// The webapps' language, for their scripts/config.js.
//
// The webapps take the browser's first language before the hyphen: zh-CN, zh-TW and zh read Chinese
// (locales/zh.json), every other language English. config.js makes the chosen locale its own
// fallback: with another fallback the webapps load both files, and whichever arrives last sets the
// language of dates ("in 6 days" next to Chinese labels).
const first = (navigator.languages && navigator.languages[0]) || navigator.language || '';

export const chinese = first.split('-')[0].toLowerCase() === 'zh';

// The product's name, where the webapps would say Camunda.
export const productName = chinese ? '救助' : 'Jiuzhu';

// The name in the header and the window title: 救助 任务列表 (Camunda's is "Camunda Tasklist").
export function appName(chineseName, englishName) {
  return {name: chinese ? chineseName : englishName, vendor: productName};
}
