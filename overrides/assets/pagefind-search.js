/* The header's search box on Pagefind's JS API (partials/pagefind-search.html).

   Behaves like Material's own box: "/", "s" or "f" opens it, typing shows results (page
   title and the matching text), the arrow keys move between the box and the results,
   Enter opens the first (or chosen) result, Escape closes it. Pagefind's script is
   fetched once the box is focused, its index chunks as each key press needs them
   (pagefind.preload), and the results' page text (assets/pagefind-results.js) for one
   query at a time: while one query's results are on their way, key presses typed
   meanwhile wait, and only the newest of them is asked, so a slow network skips the
   queries nobody reads. More results come as the reader scrolls to them. */
import { FIRST, filters, item, pagefind, ranked } from "./pagefind-results.js";

export { ranked }; // the browser tests rank names and aliases with the box's own ranking

const root = document.querySelector("[data-glossary-search]");
const toggle = document.getElementById("__search");
const PAGE = 10; // results fetched each time the reader scrolls to the end of the list

if (root && toggle) {
  const input = root.querySelector(".md-search__input");
  const form = root.querySelector(".md-search__form");
  const status = root.querySelector(".md-search-result__meta");
  const list = root.querySelector(".md-search-result__list");
  const more = root.querySelector(".glossary-search-more");
  const facets = root.querySelector(".glossary-search-facets");
  let asked = 0; // the number of the latest query: answers to older ones are dropped
  let pending = null; // the fetch of one query's results, which the next query waits for
  let rest = []; // results not shown yet, without their data
  let total = 0;

  const say = (text) => { status.textContent = text; };
  const count = (n) =>
    n === 0 ? status.dataset.none
      : n === 1 ? status.dataset.one
        : status.dataset.other.replace("#", n.toLocaleString());
  const show = (entries) => {
    for (const data of entries) {
      const li = item(data);
      if (li) list.append(li);
    }
  };
  const chosen = () => {
    const picked = {};
    for (const select of facets.querySelectorAll("select")) {
      if (select.value) picked[select.name] = select.value;
    }
    return picked;
  };

  async function run() {
    const number = ++asked;
    const query = input.value.trim();
    if (!query) {
      list.replaceChildren();
      more.hidden = true;
      say(status.dataset.placeholder);
      return;
    }
    const within = chosen();
    // The newest query's index chunks start on their way now (nothing older's, once
    // Pagefind is there), its results' page text once the query before has arrived.
    pagefind().then((pf) => number === asked && pf.preload(query, { filters: within }))
      .catch(() => {});
    while (pending) await pending.catch(() => {});
    if (number !== asked) return; // a newer key press came meanwhile: it asks instead
    let found;
    pending = ranked(query, within).finally(() => { pending = null; });
    try {
      found = await pending;
    } catch (error) {
      if (number === asked) say(status.dataset.offline);
      return;
    }
    if (number !== asked || !found) return;
    list.replaceChildren();
    show(found.first);
    rest = found.rest;
    total = found.first.length + rest.length;
    more.hidden = rest.length === 0;
    // Pagefind answers "nothing" when a chunk it needs cannot be fetched.
    say(total === 0 && !navigator.onLine ? status.dataset.offline : count(total));
  }

  let adding = false;
  async function showMore() {
    if (adding || rest.length === 0) return;
    adding = true;
    const number = asked;
    const batch = rest.splice(0, PAGE);
    try {
      const data = await Promise.all(batch.map((result) => result.data()));
      if (number === asked) show(data);
    } catch (error) {
      say(status.dataset.offline);
    }
    adding = false;
    more.hidden = rest.length === 0;
  }

  // Reaching the end of the list (scrolling, or arrowing down to it) fetches the next page.
  new IntersectionObserver((seen) => {
    if (seen.some((e) => e.isIntersecting) && !more.hidden && list.children.length >= FIRST) {
      showMore();
    }
  }, { root: root.querySelector(".md-search__scrollwrap") }).observe(more);

  async function openFacets() {
    const button = facets.querySelector("button");
    if (button.getAttribute("aria-expanded") === "true") return;
    button.setAttribute("aria-expanded", "true");
    let values;
    try {
      values = await filters();
    } catch (error) {
      button.setAttribute("aria-expanded", "false");
      say(status.dataset.offline);
      return;
    }
    for (const [name, counts] of Object.entries(values)) {
      const options = Object.keys(counts).sort((a, b) => a.localeCompare(b));
      if (options.length < 2) continue; // one glossary, one language: nothing to choose
      const label = document.createElement("label");
      label.textContent = facets.dataset[name] || name;
      const select = document.createElement("select");
      select.name = name;
      select.append(new Option(facets.dataset.all, ""));
      for (const value of options) {
        select.append(new Option(`${value} (${counts[value].toLocaleString()})`, value));
      }
      select.addEventListener("change", run);
      label.append(" ", select);
      facets.append(label);
    }
    button.hidden = true;
    const first = facets.querySelector("select");
    if (first) first.focus();
  }

  function open() {
    toggle.checked = true;
    input.focus();
    input.select();
    pagefind().catch(() => {}); // start fetching Pagefind while the reader types
  }

  function close() {
    toggle.checked = false;
    input.blur();
  }

  const links = () => [...list.querySelectorAll("a")];
  const editable = (el) =>
    el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

  input.addEventListener("input", run);
  input.addEventListener("focus", () => {
    toggle.checked = true;
    pagefind().catch(() => {});
  });
  toggle.addEventListener("change", () => {
    if (toggle.checked) open(); // the header's search button, on a phone above all
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = links()[0];
    if (first) first.click();
  });
  form.addEventListener("reset", () => {
    setTimeout(() => { run(); input.focus(); }, 0);
  });
  more.addEventListener("click", showMore);
  facets.querySelector("button").addEventListener("click", openFacets);

  document.addEventListener("keydown", (event) => {
    if (event.metaKey || event.ctrlKey || event.altKey) return;
    const active = document.activeElement;
    if (!toggle.checked) {
      if (["/", "s", "f"].includes(event.key) && !editable(active)) {
        event.preventDefault();
        open();
      }
      return;
    }
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const stops = [input, ...links()];
      const at = stops.indexOf(active);
      if (at < 0) return;
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      stops[(at + step + stops.length) % stops.length].focus();
    }
  });
}
