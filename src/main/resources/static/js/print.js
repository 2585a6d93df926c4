// "打印决定书": the browser's print dialog (inline handlers are not allowed by the page's CSP).
(function () {
  'use strict';
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () {
      window.print();
    });
  });
})();
