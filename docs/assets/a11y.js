// Material's search dialog has role="dialog" but no accessible name (axe: aria-dialog-name).
(function () {
  const search = document.querySelector(".md-search");
  const input = document.querySelector(".md-search__input");
  if (search && input && !search.hasAttribute("aria-label")) {
    search.setAttribute("aria-label", input.getAttribute("aria-label") || input.placeholder);
  }
})();
