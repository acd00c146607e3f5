// The glossary index: filter the A-Z list as the reader types.
// Progressive enhancement: without JavaScript the page lists every term and the letter row
// jumps to each section; this script only adds the filter box, so it finds the sections
// through the letter row (each letter links to the heading that starts its list).
(function () {
  "use strict";

  var letterRow = document.querySelector(".glossary-letters");
  if (!letterRow) return;

  // Case, accents, hyphens and punctuation do not make words different.
  function normalise(text) {
    return text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  }

  var sections = [];
  letterRow.querySelectorAll('a[href^="#"]').forEach(function (link) {
    var heading = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    var list = heading && heading.nextElementSibling;
    if (!list || list.tagName !== "UL") return;
    sections.push({
      link: link,
      heading: heading,
      list: list,
      items: Array.prototype.map.call(list.children, function (item) {
        var names = item.getAttribute("data-names") || "";
        return { element: item, text: normalise(item.textContent + " " + names) };
      }),
    });
  });
  if (!sections.length) return;

  // Between the letter row and the first letter section (the categories): hidden while
  // filtering, so the matching terms come right below the box.
  var between = [];
  for (var node = letterRow.nextElementSibling; node && node !== sections[0].heading;
       node = node.nextElementSibling) {
    between.push(node);
  }

  var total = sections.reduce(function (sum, section) { return sum + section.items.length; }, 0);
  var box = document.createElement("div");
  box.className = "glossary-filter";
  box.setAttribute("role", "search");
  box.innerHTML =
    '<label for="glossary-filter-input">Filter the glossary</label>' +
    '<input id="glossary-filter-input" type="search" autocomplete="off" spellcheck="false"' +
    ' aria-describedby="glossary-filter-status" placeholder="Type a term or a word of its definition">' +
    '<p id="glossary-filter-status" class="glossary-filter__status" role="status" aria-live="polite"></p>';
  letterRow.parentNode.insertBefore(box, letterRow);
  var input = box.querySelector("input");
  var status = box.querySelector("p");

  function apply() {
    var words = normalise(input.value).split(" ").filter(Boolean);
    var shown = 0;
    sections.forEach(function (section) {
      var visible = 0;
      section.items.forEach(function (item) {
        var match = words.every(function (word) { return item.text.indexOf(word) !== -1; });
        item.element.hidden = !match;
        if (match) visible += 1;
      });
      section.heading.hidden = section.list.hidden = visible === 0;
      section.link.classList.toggle("glossary-letters__empty", visible === 0);
      if (visible === 0) {
        section.link.setAttribute("aria-disabled", "true");
        section.link.setAttribute("tabindex", "-1");
      } else {
        section.link.removeAttribute("aria-disabled");
        section.link.removeAttribute("tabindex");
      }
      shown += visible;
    });
    between.forEach(function (element) { element.hidden = words.length > 0; });
    if (!words.length) {
      status.textContent = "";
    } else if (shown) {
      status.textContent = shown + " of " + total + (total === 1 ? " term matches." : " terms match.");
    } else {
      status.textContent = "No term matches \u201c" + input.value.trim() +
        "\u201d. Try fewer letters, or press / to search every page.";
    }
  }

  input.addEventListener("input", apply);
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && input.value) {
      input.value = "";
      apply();
      event.stopPropagation();
    }
  });
  if (input.value) apply();  // the browser restored a value on back navigation
})();
