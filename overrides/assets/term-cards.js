/* Hover cards on term links: the term, its category, its short definition and "Read more".
 *
 * The data is the page's own (partials/term-cards.html writes the terms the page links to as
 * JSON), so a card costs no request. Without JavaScript nothing changes: every term link
 * keeps its `title` (the definition) and goes to its page. With it, the title moves into
 * the card, which is the link's accessible description while it is shown:
 *   - pointer: shown after a short delay, hidden a moment after the pointer leaves both the
 *     link and the card (so the pointer can move onto "Read more");
 *   - keyboard: shown on focus (focus-visible), hidden on blur;
 *   - touch: the first tap shows it, a second tap on the link (or "Read more") follows it;
 *   - Escape hides it, and so does a tap or click elsewhere.
 */
(function () {
  "use strict";
  var data = document.getElementById("glossary-cards");
  if (!data) return;
  var OPEN_DELAY = 350, CLOSE_DELAY = 250, EDGE = 8;
  var cards = {};
  try {
    JSON.parse(data.textContent).forEach(function (entry) {
      cards[new URL(entry[0], location.href).href] = entry.slice(1);
    });
  } catch (error) {
    return;
  }

  function cardFor(link) {
    if (link.closest("svg, .glossary-card")) return null;
    return cards[link.href.split("#")[0]] || null;
  }

  var links = new Set(
    Array.prototype.filter.call(document.querySelectorAll("article a[href]"), cardFor)
  );
  links.forEach(function (link) {
    // The card shows the definition: no browser or Material tooltip on top of it.
    link.dataset.glossaryNote = link.getAttribute("title") || "";
    link.removeAttribute("title");
  });

  var card = document.createElement("div");
  card.className = "glossary-card md-typeset";
  card.id = "glossary-card";
  card.hidden = true;
  var heading = card.appendChild(document.createElement("p"));
  heading.className = "glossary-card__head";
  var name = heading.appendChild(document.createElement("strong"));
  var category = heading.appendChild(document.createElement("span"));
  category.className = "glossary-card__category";
  var text = card.appendChild(document.createElement("p"));
  text.className = "glossary-card__definition";
  text.id = "glossary-card-text";
  var more = card.appendChild(document.createElement("a"));
  more.className = "glossary-card__more";
  more.textContent = "Read more";
  more.setAttribute("href", "./"); // a real link from the start (crawlers meet no bare <a>)
  more.tabIndex = -1; // keyboard readers are on the term's own link already
  document.body.appendChild(card);

  var current = null, openTimer = 0, closeTimer = 0, lastPointer = "mouse";

  function open(link) {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    var entry = cardFor(link);
    if (!entry) return;
    if (current && current !== link) current.removeAttribute("aria-describedby");
    current = link;
    name.textContent = entry[0];
    category.textContent = entry[2];
    text.textContent = entry[1];
    more.href = link.href;
    more.setAttribute("aria-label", "Read more about " + entry[0]);
    card.hidden = false;
    link.setAttribute("aria-describedby", "glossary-card-text");
    place(link);
  }

  function close() {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
    if (current) current.removeAttribute("aria-describedby");
    current = null;
    card.hidden = true;
  }

  function later(fn, delay) {
    clearTimeout(closeTimer);
    closeTimer = setTimeout(fn, delay);
  }

  /* Below the link's first line, or above it if there is no room below; always inside the
   * viewport (the card is never wider than the viewport less two margins). */
  function place(link) {
    var view = document.documentElement.clientWidth;
    var height = document.documentElement.clientHeight;
    card.style.maxWidth = Math.max(0, view - 2 * EDGE) + "px";
    var box = link.getClientRects()[0] || link.getBoundingClientRect();
    var width = card.offsetWidth, tall = card.offsetHeight;
    var left = Math.min(Math.max(box.left, EDGE), view - width - EDGE);
    var top = box.bottom + 6;
    if (top + tall > height - EDGE && box.top - 6 - tall >= EDGE) top = box.top - 6 - tall;
    card.style.left = Math.max(EDGE, left) + window.scrollX + "px";
    card.style.top = top + window.scrollY + "px";
  }

  function linkOf(event) {
    var link = event.target.closest && event.target.closest("a[href]");
    return link && links.has(link) ? link : null;
  }

  document.addEventListener("pointerover", function (event) {
    lastPointer = event.pointerType;
    if (event.pointerType === "touch") return;
    var link = linkOf(event);
    if (link) {
      clearTimeout(closeTimer);
      if (link !== current) {
        clearTimeout(openTimer);
        openTimer = setTimeout(function () { open(link); }, OPEN_DELAY);
      }
    } else if (card.contains(event.target)) {
      clearTimeout(closeTimer);
    }
  });
  document.addEventListener("pointerout", function (event) {
    if (event.pointerType === "touch") return;
    var into = event.relatedTarget;
    if (linkOf(event) || card.contains(event.target)) {
      if (into && (card.contains(into) || into === current)) return;
      clearTimeout(openTimer);
      if (current && !current.matches(":focus-visible")) later(close, CLOSE_DELAY);
    }
  });
  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType;
    if (!linkOf(event) && !card.contains(event.target)) close();
  });
  document.addEventListener("click", function (event) {
    var link = linkOf(event);
    // A first tap shows the card; a second tap on the same link follows it.
    if (link && lastPointer === "touch" && current !== link) {
      event.preventDefault();
      open(link);
    }
  });
  document.addEventListener("focusin", function (event) {
    var link = linkOf(event);
    if (link && link.matches(":focus-visible")) open(link);
  });
  document.addEventListener("focusout", function (event) {
    if (linkOf(event) === current && current && lastPointer !== "touch") {
      if (!card.contains(event.relatedTarget)) close();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && current) close();
  });
  window.addEventListener("resize", function () { if (current) place(current); });
})();
