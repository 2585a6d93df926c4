// "添加成员" / "添加收入项" on the household form: copies the last row of a table as an empty row
// with the next index. Without JavaScript the buttons stay hidden and the page offers fixed rows.
(function () {
  'use strict';

  function renumber(element, index) {
    ['name', 'id', 'for'].forEach(function (attribute) {
      var value = element.getAttribute(attribute);
      if (!value) {
        return;
      }
      // Names are members[0].name (and _members[0].seriousIllness for checkboxes), ids members0.name.
      element.setAttribute(attribute, value
        .replace(/^(_?\w+)\[\d+\]/, '$1[' + index + ']')
        .replace(/^(members|incomes)\d+/, '$1' + index));
    });
  }

  function clear(row) {
    row.querySelectorAll('.field-error').forEach(function (message) {
      message.remove();
    });
    row.querySelectorAll('input, select, textarea').forEach(function (field) {
      field.classList.remove('invalid');
      if (field.type === 'checkbox' || field.type === 'radio') {
        field.checked = false;
      } else if (field.tagName === 'SELECT') {
        field.selectedIndex = 0;
      } else if (field.type !== 'hidden') {
        field.value = '';
      }
    });
  }

  document.querySelectorAll('[data-add-row]').forEach(function (button) {
    var table = document.getElementById(button.getAttribute('data-add-row'));
    var body = table.tBodies[0];
    var maxRows = parseInt(table.getAttribute('data-max-rows'), 10);

    function updateButton() {
      button.disabled = body.rows.length >= maxRows;
    }

    button.hidden = false;
    updateButton();
    button.addEventListener('click', function () {
      var index = body.rows.length;
      var row = body.rows[index - 1].cloneNode(true);
      row.querySelectorAll('[name], [id], [for]').forEach(function (element) {
        renumber(element, index);
      });
      clear(row);
      body.appendChild(row);
      updateButton();
      var first = row.querySelector('input, select');
      if (first) {
        first.focus();
      }
    });
  });
})();
