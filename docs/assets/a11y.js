// Material's search dialog has role="dialog" but no accessible name (axe: aria-dialog-name).
(function () {
  const search = document.querySelector(".md-search");
  const input = document.querySelector(".md-search__input");
  if (search && input && !search.hasAttribute("aria-label")) {
    search.setAttribute("aria-label", input.getAttribute("aria-label") || input.placeholder);
  }
})();

// A table wider than the screen scrolls inside its own box (notebook.css); keyboard users must be
// able to reach it (axe: scrollable-region-focusable), so make each one that overflows focusable.
(function () {
  const label = document.documentElement.lang === "zh" ? "可横向滚动的表格" : "Scrollable table";
  function mark() {
    document.querySelectorAll(".md-typeset table:not([class])").forEach(function (table) {
      if (table.scrollWidth > table.clientWidth + 1) {
        table.setAttribute("tabindex", "0"); // keeps its table role: only focus is added
        table.setAttribute("aria-label", label);
      } else if (table.hasAttribute("tabindex")) {
        table.removeAttribute("tabindex");
        table.removeAttribute("aria-label");
      }
    });
  }
  mark();
  window.addEventListener("resize", mark);
})();

// Material puts a <nav> in every code block (the copy button): many unnamed navigation
// landmarks on one page (axe: landmark-unique). They are toolbars, not site navigation.
(function () {
  const label = document.documentElement.lang === "zh" ? "代码操作" : "Code actions";
  function fix() {
    document.querySelectorAll("nav.md-code__nav:not([role])").forEach(function (nav) {
      nav.setAttribute("role", "toolbar");
      nav.setAttribute("aria-label", label);
    });
  }
  fix();
  new MutationObserver(fix).observe(document.body, { childList: true, subtree: true });
})();
