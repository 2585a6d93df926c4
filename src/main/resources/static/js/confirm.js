// Forms with data-confirm ask before they are sent: the question in place of an inline onsubmit handler,
// which the pages' Content-Security-Policy does not run.
document.addEventListener('submit', function (event) {
  'use strict';
  var question = event.target.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});
