/* The header's search box on Pagefind's JS API (partials/pagefind-search.html).

   Behaves like Material's own box: "/", "s" or "f" opens it, typing shows results at each
   key press (page title and the matching text), the arrow keys move between the box and
   the results, Enter opens the first (or chosen) result, Escape closes it. Pagefind's
   script and its index chunks are fetched only once the box is used, and only the chunks a
   query needs. Result text is put in the page as text: only Pagefind's <mark> survives. */
const root = document.querySelector("[data-glossary-search]");
const toggle = document.getElementById("__search");
const PAGE = 10; // results shown at once, as Material does
let engine = null; // the promise of the Pagefind module, once loaded

function pagefind() {
  if (!engine) {
    const site = new URL(root.dataset.base, document.baseURI);
    const bundle = new URL(root.dataset.pagefind, document.baseURI);
    engine = import(bundle.href).then(async (pf) => {
      // Result URLs are site paths ("/glossary/x/"): served under a sub-path, prefix it.
      const options = { baseUrl: site.pathname, excerptLength: 24 };
      await pf.options(options);
      await pf.init();
      // A large site has several indexes (engine/search.py): pagefind/part-2/ and on.
      for (let part = 2; part <= Number(root.dataset.pagefindIndexes || 1); part++) {
        await pf.mergeIndex(new URL(`part-${part}/`, bundle).href, options);
      }
      return pf;
    });
    engine.catch(() => { engine = null; }); // offline: try again at the next key press
  }
  return engine;
}

// Names compare as the glossary compares them: case, hyphens, spaces, Unicode form aside.
const same = (name) =>
  name.normalize("NFKC").toLowerCase().replace(/[\s\-_\u2010-\u2015]+/g, " ").trim();

function names(data) {
  try {
    return JSON.parse((data.meta && data.meta.names) || "[]").map(same);
  } catch (error) {
    return [];
  }
}

/* Pagefind's results for `query`: the first PAGE with their data, a term whose name or
   alias is the query first among them (Pagefind stems words, so it scores the pages of
   "mesa-optimization" and "mesa-optimizer" alike), then the rest without their data.
   The box shows these; the browser tests rank every name and alias with it. */
export async function ranked(query) {
  const pf = await pagefind();
  const found = await pf.search(query);
  if (!found) return null;
  const first = await Promise.all(found.results.slice(0, PAGE).map((result) => result.data()));
  const wanted = same(query);
  const named = first.filter((data) => names(data).includes(wanted));
  return {
    first: [...named, ...first.filter((data) => !named.includes(data))],
    rest: found.results.slice(PAGE),
  };
}

// Pagefind's excerpts are HTML with <mark> around matches. Parsed in an inert document
// (nothing loads or runs there), only their text and the marks are copied in.
const parser = new DOMParser();
function marked(html, into) {
  const body = parser.parseFromString(`<body>${html || ""}</body>`, "text/html").body;
  for (const node of body.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      into.append(mark);
    } else {
      into.append(document.createTextNode(node.textContent));
    }
  }
  return into;
}

function sameSite(url) {
  const target = new URL(url, document.baseURI);
  return target.origin === location.origin ? target.href : null;
}

function entry(href, heading, excerpt, icon) {
  const link = document.createElement("a");
  link.className = "md-search-result__link";
  link.href = href;
  const article = document.createElement("article");
  article.className = "md-search-result__article md-typeset";
  if (icon) {
    const mark = document.createElement("div");
    mark.className = "md-search-result__icon md-icon";
    article.append(mark);
  }
  const title = document.createElement(icon ? "h1" : "h2");
  title.textContent = heading;
  article.append(title, marked(excerpt, document.createElement("p")));
  link.append(article);
  return link;
}

function item(data) {
  const href = sameSite(data.url);
  if (!href) return null;
  const li = document.createElement("li");
  li.className = "md-search-result__item";
  const heading = (data.meta && data.meta.title) || href;
  li.append(entry(href, heading, data.excerpt, true));
  // The best matching section of the page below it: a question of a term's FAQ, say.
  const hits = (s) => (s.weighted_locations || []).reduce((sum, at) => sum + at.balanced_score, 0);
  const section = (data.sub_results || [])
    .filter((s) => s.title && s.title !== heading)
    .reduce((best, s) => (!best || hits(s) > hits(best) ? s : best), null);
  const sectionHref = section && sameSite(section.url);
  if (sectionHref) li.append(entry(sectionHref, section.title, section.excerpt, false));
  return li;
}

if (root && toggle) {
  const input = root.querySelector(".md-search__input");
  const form = root.querySelector(".md-search__form");
  const status = root.querySelector(".md-search-result__meta");
  const list = root.querySelector(".md-search-result__list");
  const more = root.querySelector(".glossary-search-more");
  let asked = 0; // the number of the latest query: answers to older ones are dropped
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

  async function run() {
    const number = ++asked;
    const query = input.value.trim();
    if (!query) {
      list.replaceChildren();
      more.hidden = true;
      say(status.dataset.placeholder);
      return;
    }
    let found;
    try {
      found = await ranked(query);
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

  async function showMore() {
    const number = asked;
    const batch = rest.splice(0, PAGE);
    try {
      const data = await Promise.all(batch.map((result) => result.data()));
      if (number === asked) show(data);
    } catch (error) {
      say(status.dataset.offline);
    }
    more.hidden = rest.length === 0;
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
