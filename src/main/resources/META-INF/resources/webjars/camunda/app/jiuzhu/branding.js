// Our name and mark where the webapps show Camunda's: the header's logo, the window's icon, and no
// banner asking to migrate to Camunda 8 (the webapps show it unconditionally; the migration is ours to
// plan, not an official's). The header's name comes from config.js (appName: vendor 救助).
const LOGO = new URL('./logo.svg', import.meta.url).href;

function brand(root) {
  root.querySelectorAll('.ce-eol-banner').forEach(banner => banner.remove());
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
