"""Several glossaries on one site (extra.glossary.glossaries): each its own pages and URL
prefix, one glossary.json, automatic links scoped to a page's own glossary unless
`links_to` says otherwise, case-exact and never-linked terms. Real builds, read as HTML."""

from __future__ import annotations

import json

import pytest
import yaml
from jsonschema import Draft202012Validator

from sitebuilder import GLOSSARY, Site, make_site, run
from termbase.checks.project import Project
from termbase.pages.apischema import SCHEMAS

K8S_CATEGORIES = {
    "workloads": {
        "name": "Workloads",
        "description": "The objects that run containers on a cluster, in the test glossary.",
    },
    "core": {
        "name": "Core concepts",
        "description": "The ideas of the Kubernetes API that every other object builds on.",
    },
}

TWO_GLOSSARIES = """\
extra:
  glossary:
    glossaries:
      - name: kubernetes
        title: Kubernetes glossary
        dir: glossary-k8s
"""


def k8s_term(site: Site, slug: str, **fields) -> None:
    name = fields.pop("term", slug.capitalize())
    data = {
        "term": name,
        "category": fields.pop("category", "workloads"),
        "short_definition": f"{name} is a Kubernetes test term with a definition of fine length.",
        "explanation": fields.pop("explanation", f"{name} is explained here.\n"),
        **fields,
    }
    site.write(f"glossary-k8s/{slug}.yml", yaml.safe_dump(data, sort_keys=False))


def two_glossary_site(tmp_path, extra: str = TWO_GLOSSARIES) -> Site:
    site = make_site(tmp_path, extra)
    site.write("glossary-k8s/_categories.yml", yaml.safe_dump(K8S_CATEGORIES))
    site.term(
        "alpha",
        explanation="Before the deployment of a model, and after its Deployment, watch its "
        "pods and each Service it offers.\n",
        related=["kubernetes:deployment"],
    )
    site.term("beta", category="risks")
    site.write(
        "content/guide.md",
        "---\ndescription: A guide page of the test site that mentions terms of both glossaries.\n"
        "---\n\n# Guide\n\nAlpha matters at deployment time; a Deployment object runs the pods.\n",
    )
    site.add_to_nav("Guide", "guide.md")
    k8s_term(
        site,
        "deployment",
        term="Deployment",
        match_case=True,
        explanation="The deployment of an app is easy: a Deployment keeps its Pods running.\n",
        related=["pod", "glossary:beta"],
    )
    k8s_term(site, "pod", term="Pod", match_case=True)
    k8s_term(
        site,
        "object",
        term="Object",
        category="core",
        autolink=False,
        explanation="Every Pod is an object; see also [Deployment](deployment.md).\n",
    )
    k8s_term(site, "service", term="Service", match_case=True, explanation="An Object and a Pod.\n")
    return site


def links(site: Site, url_path: str) -> dict[str, str]:
    """Automatic term links of a page's article: link text -> href."""
    html = site.page(url_path)
    return {a.text(): a.attributes["href"] for a in html.css("article a.glossary-term")}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Site:
    site = two_glossary_site(tmp_path_factory.mktemp("multi"))
    result = site.build()
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return site


def test_each_glossary_has_its_own_index_categories_and_map(built: Site):
    default = built.page("glossary/")
    assert [a.text() for a in default.css("article li > a")][:2] == ["Core concepts", "Risks"]
    assert "Deployment" not in default.css_first("article").text()
    k8s = built.page("kubernetes/")
    assert k8s.css_first("h1").text().startswith("Kubernetes glossary")
    listed = {a.text() for a in k8s.css("article li > a")}
    assert {"Deployment", "Pod", "Object", "Service", "Workloads", "Core concepts"} <= listed
    assert "Alpha" not in listed
    workloads = built.page("kubernetes/category/workloads/")
    names = {a.text() for a in workloads.css("article li > a")}
    assert names >= {"Deployment", "Pod", "Service"} and "Object" not in names
    assert "Workloads: Kubernetes glossary category" in workloads.css_first("title").text()
    assert (built.root / "site/kubernetes/map/index.html").is_file()
    assert (built.root / "site/kubernetes/deployment.json").is_file()
    pod = built.page("kubernetes/pod/")
    crumbs = [(a.text(), a.attributes["href"]) for a in pod.css(".glossary-breadcrumbs a")]
    assert crumbs == [
        ("Home", "../../"),
        ("Kubernetes glossary", "../"),
        ("Workloads", "../category/workloads/"),
    ]
    assert pod.css_first('[data-pagefind-filter="glossary"]').text() == "Kubernetes glossary"
    assert (
        built.page("glossary/alpha/").css_first('[data-pagefind-filter="glossary"]').text()
        == "Test Glossary"
    )


def test_a_page_links_only_its_own_glossary_by_default(built: Site):
    # "Deployment", "pods" and "Service" on an alignment term page stay text...
    assert links(built, "glossary/alpha/") == {}
    # ...and on a hand-written page, which links the default glossary only.
    assert links(built, "guide/") == {"Alpha": "../glossary/alpha/"}


def test_case_exact_terms_link_only_with_their_case(built: Site):
    found = links(built, "kubernetes/deployment/")
    assert found.get("Pods") == "../pod/"  # a plural keeps the name's case
    texts = [a.text() for a in built.page("kubernetes/service/").css("article a.glossary-term")]
    assert texts == ["Pod"]  # "Object" is autolink: false


def test_a_term_with_autolink_false_is_linked_only_by_hand(built: Site):
    article = built.page("kubernetes/object/").css_first("article")
    hrefs = {a.text(): a.attributes["href"] for a in article.css("a")}
    assert hrefs["Deployment"] == "../deployment/"
    assert "Pod" in hrefs  # object's own page links Pod (case-exact, as written)
    assert not any("object" in h for h in links(built, "kubernetes/service/").values())


def test_related_terms_reach_across_glossaries_both_ways(built: Site):
    alpha = built.page("glossary/alpha/")
    assert any(a.attributes.get("href") == "../../kubernetes/deployment/" for a in alpha.css("a"))
    deployment = built.page("kubernetes/deployment/")
    hrefs = {a.attributes.get("href") for a in deployment.css("a")}
    assert "../../glossary/beta/" in hrefs and "../../glossary/alpha/" in hrefs


def test_one_glossary_json_holds_both_glossaries(built: Site):
    data = json.loads((built.root / "site/glossary.json").read_text())
    assert [(g["name"], g["title"]) for g in data["glossaries"]] == [
        ("glossary", "Glossary"),
        ("kubernetes", "Kubernetes glossary"),
    ]
    by_slug = {t["slug"]: t for t in data["terms"]}
    assert by_slug["alpha"]["glossary"] == "glossary"
    assert by_slug["kubernetes:pod"]["glossary"] == "kubernetes"
    assert by_slug["kubernetes:pod"]["url"] == "https://glossary.example/kubernetes/pod/"
    assert "kubernetes:deployment" in by_slug["alpha"]["related"]
    index = Draft202012Validator(SCHEMAS["glossary-index.schema.json"])
    assert list(index.iter_errors(data)) == []
    payload = json.loads((built.root / "site/kubernetes/deployment.json").read_text())
    assert payload["category"]["url"] == "https://glossary.example/kubernetes/category/workloads/"
    assert (
        list(Draft202012Validator(SCHEMAS["glossary-term.schema.json"]).iter_errors(payload)) == []
    )


def test_check_counts_every_glossary(built: Site):
    for result in (built.check(), built.check("--dir", "glossary-k8s")):
        assert result.returncode == 0, result.stdout + result.stderr
        assert "in 2 glossaries" in result.stdout  # another glossary's folder: the whole site


def test_links_to_lets_pages_link_another_glossary(tmp_path):
    site = two_glossary_site(
        tmp_path,
        TWO_GLOSSARIES + "    links_to: [kubernetes]\n",
    )
    site.add_to_nav("Kubernetes", "kubernetes/index.md")  # its index: a nav section
    result = site.build()
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    nav = [a.attributes["href"] for a in site.page("guide/").css("nav.md-nav--primary a")]
    assert {"../kubernetes/", "../kubernetes/map/", "../kubernetes/category/workloads/"} <= set(nav)
    alpha = links(site, "glossary/alpha/")
    # Case-exact: "deployment" stays text, "Deployment" and "Service" are the API kinds.
    assert alpha == {
        "Deployment": "../../kubernetes/deployment/",
        "Service": "../../kubernetes/service/",
    }
    assert links(site, "guide/")["Deployment"] == "../kubernetes/deployment/"
    # Kubernetes pages still link only their own glossary: no links_to of their own.
    assert not any("glossary/" in h for h in links(site, "kubernetes/deployment/").values())


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        (
            "    glossaries:\n      - name: assets\n        dir: glossary-k8s\n",
            "mkdocs.yml:{line}:1: error: extra.glossary.glossaries.1.name: 'assets' is reserved",
        ),
        (
            "    glossaries:\n      - name: kubernetes\n        dir: glossary\n",
            "extra.glossary.glossaries.1.dir: 'glossary' is the folder of another glossary",
        ),
        (
            "    links_to: [kubernetes]\n",
            "extra.glossary.links_to: 'kubernetes' is no glossary of the site",
        ),
    ],
)
def test_bad_settings_are_located_errors(tmp_path, setting: str, message: str):
    site = make_site(tmp_path, "extra:\n  glossary:\n" + setting)
    site.term("alpha")
    config = (site.root / "mkdocs.yml").read_text().splitlines()
    line = next(
        n for n, text in enumerate(config, 1) if text.strip().startswith(("- name", "links"))
    )
    for result in (site.build(), site.check()):
        assert result.returncode == 1
        assert message.format(line=line) in result.stdout + result.stderr
        assert "Traceback" not in result.stderr


def test_a_reference_to_a_missing_glossary_is_located(tmp_path):
    site = make_site(tmp_path)
    written = site.term("alpha", related=["beta", "nope:pod"]).read_text().splitlines()
    line = next(n for n, text in enumerate(written, 1) if "nope:pod" in text)
    site.term("beta")
    for result in (site.check(), site.build()):
        assert result.returncode == 1
        assert (
            f"glossary/alpha.yml:{line}:3: error: unknown related term 'nope:pod' names the "
            "glossary 'nope', which the site does not have ('glossary')"
        ) in result.stdout + result.stderr


def test_the_link_check_knows_each_glossary_s_term_files(built: Site):
    project = Project.read(built.root / "mkdocs.yml")
    assert project.term_file_of("kubernetes/pod/index.html") == "glossary-k8s/pod.yml"
    assert project.term_file_of("glossary/alpha/index.html") == "glossary/alpha.yml"
    assert project.is_listing("kubernetes/category/workloads/index.html")
    result = run([*GLOSSARY, "linkcheck"], built.root)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_editors_form_has_a_collection_for_each_glossary(built: Site):
    config = yaml.safe_load((built.root / "site/admin/config.yml").read_text())
    collections = {c["name"]: c for c in config["collections"]}
    default, k8s = collections["terms"], collections["terms-kubernetes"]
    assert (default["folder"], k8s["folder"]) == ("glossary", "glossary-k8s")
    assert k8s["preview_path"] == "kubernetes/{{slug}}/"

    def options(collection: dict, field: str) -> dict:
        found = next(f for f in collection["fields"] if f["name"] == field)
        return found.get("options") or found

    assert {o["value"] for o in options(default, "category")} == {"core", "risks"}
    assert {o["value"] for o in options(k8s, "category")} == {"workloads", "core"}
    assert options(k8s, "related")["collection"] == "terms-kubernetes"


def test_a_large_glossary_gets_letter_pages_of_its_own(tmp_path):
    site = two_glossary_site(tmp_path, TWO_GLOSSARIES + "    index_page_limit: 3\n")
    result = site.build()
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    letter = site.page("kubernetes/letter/d/")
    assert letter.css_first("h1").text() == "Kubernetes glossary: D"
    assert [a.text() for a in letter.css("article li > a")] == ["Deployment"]
    assert not (site.root / "site/glossary/letter").exists()  # two terms: one page
