// Our name and mark where the webapps show Camunda's: the header's logo, the window's icon, and no
// banner asking to migrate to Camunda 8 (the webapps show it unconditionally; the migration is ours to
// plan, not an official's). The header's name comes from config.js (appName: vendor 救助).
import {chinese, productName} from './language.js';

const LOGO = new URL('./logo.svg', import.meta.url).href;
const FOOTER_NAME = chinese ? productName + ' 社会救助审核审批系统' : productName + ' social assistance';

function brand(root) {
  root.querySelectorAll('.ce-eol-banner').forEach(banner => banner.remove());
  // The footer's "powered by Camunda Platform / 7.24.0": the product's name instead.
  root.querySelectorAll('#footer-timezone').forEach(zone => {
    const link = zone.parentElement.querySelector('a[href*="camunda.org"]');
    if (link === null) {
      return;
    }
    const column = link.parentElement;
    column.textContent = FOOTER_NAME;
    column.classList.add('jiuzhu-footer-name');
  });
  // Links into the vendor's English documentation (the welcome page's 文档): not the product's help.
  root.querySelectorAll('a[href*="docs.camunda.org"], a[href*="docs.camunda.io"]').forEach(link => {
    (link.closest('li') || link).remove();
  });
  root.querySelectorAll('.brand-logo').forEach(mark => {
    if (!mark.querySelector('img.jiuzhu-logo')) {
      mark.innerHTML = '';
      const img = document.createElement('img');
      img.className = 'jiuzhu-logo';
      img.src = LOGO;
      img.alt = '';
      img.width = 28;
      img.height = 28;
      mark.appendChild(img);
    }
  });
}

function favicon() {
  let link = document.querySelector('link[rel="icon"]');
  if (!link) {
    link = document.createElement('link');
    link.rel = 'icon';
    document.head.appendChild(link);
  }
  if (link.getAttribute('href') !== LOGO) {
    link.type = 'image/svg+xml';
    link.href = LOGO;
  }
}

favicon();
brand(document);
if (typeof MutationObserver !== 'undefined') {
  new MutationObserver(mutations => {
    if (mutations.some(mutation => mutation.addedNodes.length > 0)) {
      brand(document);
    }
  }).observe(document.documentElement, {childList: true, subtree: true});
}
