// Keep the reader's section when switching language. Twin pages have the same headings in the
// same order (the builder checks), so the Nth heading here is the Nth heading there.
(function () {
  const HEADER_OFFSET = 100; // px: a heading scrolled above this line is the current section

  function headings() {
    return Array.from(
      document.querySelectorAll("article.md-content__inner :is(h1, h2, h3, h4, h5, h6)[id]")
    );
  }

  function currentIndex() {
    let index = 0;
    headings().forEach(function (heading, i) {
      if (heading.getBoundingClientRect().top <= HEADER_OFFSET) index = i;
    });
    return index;
  }

  document.addEventListener("click", function (event) {
    const link = event.target.closest("a.md-select__link[hreflang]");
    const index = link ? currentIndex() : 0;
    if (index > 0) {
      event.preventDefault();
      location.href = link.href.split("#")[0] + "#__section-" + index;
    }
  });

  const match = location.hash.match(/^#__section-(\d+)$/);
  const target = match && headings()[Number(match[1])];
  if (target) {
    history.replaceState(null, "", "#" + encodeURIComponent(target.id));
    target.scrollIntoView();
  }
})();
