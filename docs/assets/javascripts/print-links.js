/* On paper a link shows where it goes: each link in the page text gets its full address in
 * data-rw-href (print.css writes it after the link), and the print stamp gets this page's address. */
(function () {
  "use strict";
  function mark() {
    document.querySelectorAll(".md-content article a[href]").forEach(function (link) {
      var href = link.getAttribute("href");
      if (href.charAt(0) === "#" || link.classList.contains("headerlink") || link.classList.contains("md-button")) return;
      if (link.textContent.trim() === link.href || link.textContent.trim() === href) return;
      link.setAttribute("data-rw-href", link.href);
    });
    document.querySelectorAll("[data-rw-here]").forEach(function (node) { node.textContent = window.location.href; });
  }
  mark();
  window.addEventListener("beforeprint", mark);
})();
