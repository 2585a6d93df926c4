// form-js reads a comma in a number field as the decimal point, so "1,500" typed the way Chinese
// officials write amounts became 1.50. Here a comma (also the full-width "，") is a thousands separator:
// it is taken out of the field before form-js reads the value.
const SEPARATORS = /[,，]/g;

document.addEventListener('input', event => {
  const input = event.target;
  if (input instanceof HTMLInputElement && input.closest('.fjs-form-field-number') && SEPARATORS.test(input.value)) {
    input.value = input.value.replace(SEPARATORS, '');
  }
}, true);
