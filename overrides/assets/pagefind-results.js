/* Pagefind's results for the header's search box (assets/pagefind-search.js): loading
   Pagefind, ranking, and each result as Material draws it.

   Each result's page text (its "fragment") is a fetch of its own, and most of what a
   search costs on a slow network: only the results on the first screen are fetched at
   once, the rest as the reader scrolls to them. Result text is put in the page as text:
   only Pagefind's <mark> survives. */
export const FIRST = 5; // results fetched at once: what a phone's first screen shows
let engine = null; // the promise of the Pagefind module, once loaded
let root = null;

export function pagefind() {
  if (!engine) {
    root = root || document.querySelector("[data-glossary-search]");
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

/* Pagefind's results for `query` (within `filters`, e.g. {category: "Safety"}): the first
   `first` with their data, a term whose name or alias is the query first among them
   (Pagefind stems words, so it scores the pages of "mesa-optimization" and
   "mesa-optimizer" alike), then the rest without their data. The box shows these; the
   browser tests rank every name and alias with it. */
export async function ranked(query, filters = {}, first = FIRST) {
  const pf = await pagefind();
  const found = await pf.search(query, { filters });
  if (!found) return null;
  const data = await Promise.all(found.results.slice(0, first).map((result) => result.data()));
  const wanted = same(query);
  const named = data.filter((d) => names(d).includes(wanted));
  return {
    first: [...named, ...data.filter((d) => !named.includes(d))],
    rest: found.results.slice(first),
  };
}

/* The values of each filter ({category: {Safety: 12, ...}, ...}): fetched only when the
   reader opens the filters, since each filter is a file of its own. */
export async function filters() {
  return (await pagefind()).filters();
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

/* One result as Material's list item: the page, and below it its best matching section
   (a question of a term's FAQ, say); null for a result outside this site. */
export function item(data) {
  const href = sameSite(data.url);
  if (!href) return null;
  const li = document.createElement("li");
  li.className = "md-search-result__item";
  const heading = (data.meta && data.meta.title) || href;
  li.append(entry(href, heading, data.excerpt, true));
  const hits = (s) => (s.weighted_locations || []).reduce((sum, at) => sum + at.balanced_score, 0);
  const section = (data.sub_results || [])
    .filter((s) => s.title && s.title !== heading)
    .reduce((best, s) => (!best || hits(s) > hits(best) ? s : best), null);
  const sectionHref = section && sameSite(section.url);
  if (sectionHref) li.append(entry(sectionHref, section.title, section.excerpt, false));
  return li;
}
