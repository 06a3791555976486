// Column filter inputs of PrimeFaces tables have no label of their own: name each after its column
// header, on load and after every ajax update, so screen readers say what a filter filters.
(function () {
  function label() {
    document.querySelectorAll('th .ui-column-filter:not([aria-label])').forEach(function (input) {
      var title = input.closest('th').querySelector('.ui-column-title');
      input.setAttribute('aria-label', 'Filter by ' + (title ? title.textContent.trim() : 'this column'));
    });
  }
  document.addEventListener('DOMContentLoaded', label);
  if (window.jQuery) {
    jQuery(document).on('pfAjaxComplete', label);
  }
})();
